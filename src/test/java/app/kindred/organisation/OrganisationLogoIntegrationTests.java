package app.kindred.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.organisation.OrganisationLogos.Logo;

/**
 * An organisation's logo for its certificates: its admins upload a PNG or an SVG, told by
 * the bytes and not the file's name; anything else, too large, or an SVG that could run
 * or fetch something is refused at the field and nothing stored changes; other staff get
 * 403 and everyone else 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationLogoIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	static final String SVG = """
			<?xml version="1.0" encoding="UTF-8"?>
			<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="40">
			  <defs><linearGradient id="g"><stop offset="0" stop-color="#2f5d62"/></linearGradient></defs>
			  <rect width="120" height="40" fill="url(#g)"/>
			  <use xlink:href="#g"/>
			  <image width="10" height="10" href="data:image/png;base64,iVBORw0KGgo="/>
			</svg>""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	OrganisationLogos logos;

	@Autowired
	UserDetailsService users;

	@Test
	void anAdminUploadsAPngAndAnSvgTellingThemByTheirContent() throws Exception {
		var staff = data.staff();
		var page = page(staff);
		var png = png(300, 100);

		// A PNG sent under an SVG's name and type is still a PNG
		mvc.perform(multipart(page).file(file("logo.svg", "image/svg+xml", png)).with(csrf()).with(as(staff.admin())))
			.andExpect(redirectedUrl(page));
		assertThat(stored(staff)).isEqualTo(new Stored("image/png", png));
		assertThat(body(get(page), staff.admin())).contains("src=\"data:image/png;base64,",
				"alt=\"Logo of Test University");

		var svg = SVG.getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart(page).file(file("logo.png", "image/png", svg)).with(csrf()).with(as(staff.founder())))
			.andExpect(redirectedUrl(page));
		assertThat(stored(staff)).isEqualTo(new Stored("image/svg+xml", svg));
	}

	@Test
	void anSvgThatCouldRunOrFetchSomethingIsRefusedAtTheField() throws Exception {
		var staff = data.staff();
		var png = png(120, 40);
		mvc.perform(
				multipart(page(staff)).file(file("logo.png", "image/png", png)).with(csrf()).with(as(staff.admin())))
			.andExpect(status().is3xxRedirection());
		var unsafe = new String[] { svg("<script>alert(1)</script>"), svg("<SCRIPT>alert(1)</SCRIPT>"),
				svg("<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/>"),
				svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">hi</div></foreignObject>"),
				svg("<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/>"),
				svg("<image xlink:href=\"file:///etc/passwd\" width=\"1\" height=\"1\"/>"),
				svg("<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>"),
				svg("<image href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\" width=\"1\" height=\"1\"/>"),
				svg("<rect width=\"1\" height=\"1\" style=\"fill: url(https://tracker.example/f.svg#x)\"/>"),
				svg("<style>@import url(https://tracker.example/x.css);</style>"),
				svg("<set attributeName=\"href\" to=\"javascript:alert(1)\"/>"),
				"<?xml-stylesheet href=\"https://tracker.example/x.css\"?>" + svg("") };
		for (var svg : unsafe) {
			assertRefused(staff, svg.getBytes(StandardCharsets.UTF_8),
					"This SVG contains scripts, event handlers, embedded HTML or links to other files");
		}
		assertThat(stored(staff)).as("the PNG before").isEqualTo(new Stored("image/png", png));
	}

	@Test
	void aDoctypeNeverExpandsAnEntityAndIsRefusedSayingWhy() throws Exception {
		var staff = data.staff();
		var external = """
				<?xml version="1.0"?>
				<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>""";
		var illustrator = """
				<?xml version="1.0"?>
				<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
				<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>""";
		for (var svg : new String[] { external, illustrator }) {
			assertRefused(staff, svg.getBytes(StandardCharsets.UTF_8), "begins with a DOCTYPE declaration");
		}
		assertThat(logos.logo(staff.organisation())).isEmpty();
	}

	@Test
	void aFileThatIsNoPngOrSvgOrTooLargeIsRefusedAndNothingChanges() throws Exception {
		var staff = data.staff();
		assertRefused(staff, "Just some text, named like a picture.".getBytes(StandardCharsets.UTF_8),
				"This file is not a PNG or SVG image.");
		assertRefused(staff, "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1),
				"This file is not a PNG or SVG image.");
		assertRefused(staff, "<html><body>not svg</body></html>".getBytes(StandardCharsets.UTF_8),
				"This file is not a PNG or SVG image.");
		var truncated = Arrays.copyOf(png(100, 100), 40);
		assertRefused(staff, truncated, "This PNG image cannot be read.");
		assertRefused(staff, png(2001, 10), "larger than 2000 × 2000 pixels");
		var big = new byte[256 * 1024 + 1];
		System.arraycopy(png(10, 10), 0, big, 0, 8);
		assertRefused(staff, big, "The file is larger than 256 KB.");
		var body = body(multipart(page(staff)).with(csrf()), staff.admin(), 422);
		assertThat(body).contains("id=\"file-error\"", "Please choose a PNG or SVG file.");
		assertThat(logos.logo(staff.organisation())).isEmpty();
	}

	@Test
	void removingTheLogoLeavesTheNameAlone() throws Exception {
		var staff = data.staff();
		var page = page(staff);
		mvc.perform(
				multipart(page).file(file("logo.png", "image/png", png(20, 20))).with(csrf()).with(as(staff.admin())))
			.andExpect(redirectedUrl(page));
		assertThat(logos.logo(staff.organisation())).isPresent();
		mvc.perform(post(page + "/remove").with(csrf()).with(as(staff.admin()))).andExpect(redirectedUrl(page));
		assertThat(logos.logo(staff.organisation())).isEmpty();
		assertThat(body(get(page), staff.admin())).contains("No logo has been uploaded.");
		assertThat(body(get("/organisations/" + staff.organisation()), staff.admin()))
			.contains("href=\"" + page + "\"");
	}

	@Test
	void onlyTheOrganisationsAdminsMaySetItsLogo() throws Exception {
		var staff = data.staff();
		var page = page(staff);
		var png = png(20, 20);
		for (var who : new TestData.Person[] { staff.coordinator(), staff.teacher() }) {
			mvc.perform(get(page).with(as(who))).andExpect(status().isForbidden());
			mvc.perform(multipart(page).file(file("l.png", "image/png", png)).with(csrf()).with(as(who)))
				.andExpect(status().isForbidden());
			mvc.perform(post(page + "/remove").with(csrf()).with(as(who))).andExpect(status().isForbidden());
		}
		mvc.perform(get(page).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(multipart(page).file(file("l.png", "image/png", png)).with(csrf()).with(as(staff.outsider())))
			.andExpect(status().isNotFound());
		mvc.perform(get(page)).andExpect(redirectedUrl("/sign-in"));
		assertThat(logos.logo(staff.organisation())).isEmpty();
		assertThat(body(get("/organisations/" + staff.organisation()), staff.coordinator())).doesNotContain(page);
	}

	private void assertRefused(TestData.Staff staff, byte[] content, String message) throws Exception {
		var body = body(multipart(page(staff)).file(file("logo.svg", "image/svg+xml", content)).with(csrf()),
				staff.admin(), 422);
		assertThat(body).contains("id=\"file-error\"", message);
	}

	private String body(AbstractMockHttpServletRequestBuilder<?> request, TestData.Person who) throws Exception {
		return body(request, who, 200);
	}

	private String body(AbstractMockHttpServletRequestBuilder<?> request, TestData.Person who, int status)
			throws Exception {
		return mvc.perform(request.with(as(who)))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Stored stored(TestData.Staff staff) {
		return logos.logo(staff.organisation()).map(Stored::of).orElse(null);
	}

	/** A logo compared by its bytes, which a record of an array is not. */
	record Stored(String type, String content) {

		Stored(String type, byte[] content) {
			this(type, Arrays.toString(content));
		}

		static Stored of(Logo logo) {
			return new Stored(logo.contentType(), logo.content());
		}
	}

	private static String page(TestData.Staff staff) {
		return "/organisations/" + staff.organisation() + "/logo";
	}

	private static String svg(String inside) {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">" + inside
				+ "</svg>";
	}

	private static MockMultipartFile file(String name, String type, byte[] content) {
		return new MockMultipartFile("file", name, type, content);
	}

	static byte[] png(int width, int height) throws Exception {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(0x2f, 0x5d, 0x62));
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
