package app.kindred.organisation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import app.kindred.core.Refused;
import app.kindred.organisation.OrganisationLogos;

/**
 * Decides what an uploaded logo is from its bytes, never from its name or the type the
 * browser claims, and refuses what a certificate must not carry: a PNG too large to draw
 * or not readable, and an SVG that could run something or fetch anything from elsewhere
 * (scripts, event attributes, foreign HTML, links other than to itself or an embedded
 * PNG, style that loads a URL). The SVG is read by a parser that knows no DOCTYPE, so no
 * entity ever expands or reaches a file or the network.
 */
final class LogoImages {

	/** The upload limit, also what the form says. */
	static final int MAX_BYTES = 256 * 1024;

	static final int MAX_PIXELS_PER_SIDE = 2000;

	static final String FIELD = "file";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	/** {@code url(...)} in style that points anywhere but into the SVG itself. */
	private static final Pattern FOREIGN_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*(?!#)",
			Pattern.CASE_INSENSITIVE);

	private LogoImages() {
	}

	/** The content type of an acceptable logo; otherwise refused at the file field. */
	static String check(byte[] content) {
		if (content == null || content.length == 0) {
			throw Refused.invalid(FIELD, "organisation.logo.missing");
		}
		if (content.length > MAX_BYTES) {
			throw Refused.invalid(FIELD, "organisation.logo.tooLarge");
		}
		if (content.length >= PNG_SIGNATURE.length
				&& Arrays.equals(content, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
			checkPng(content);
			return OrganisationLogos.PNG;
		}
		checkSvg(parseSvg(content));
		return OrganisationLogos.SVG;
	}

	/**
	 * The size is read from the header before any pixel is decoded, so that a small file
	 * claiming a huge image never fills the memory.
	 */
	private static void checkPng(byte[] content) {
		try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			var readers = ImageIO.getImageReadersByFormatName("png");
			if (in == null || !readers.hasNext()) {
				throw Refused.invalid(FIELD, "organisation.logo.unreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1 || width > MAX_PIXELS_PER_SIDE || height > MAX_PIXELS_PER_SIDE) {
					throw Refused.invalid(FIELD, "organisation.logo.dimensions");
				}
				reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Refused refused) {
				throw refused;
			}
			throw Refused.invalid(FIELD, "organisation.logo.unreadable");
		}
	}

	private static Document parseSvg(byte[] content) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			// Quiet: a file that is not XML is a wrong type, not an error for the log
			builder.setErrorHandler(new DefaultHandler());
			var document = builder.parse(new ByteArrayInputStream(content));
			var root = document.getDocumentElement();
			if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
				throw Refused.invalid(FIELD, "organisation.logo.type");
			}
			return document;
		}
		catch (SAXException | IOException ex) {
			// Drawing programs often write a DOCTYPE: say what to remove rather than that
			// the file is no SVG
			var text = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
			throw Refused.invalid(FIELD, text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")
					? "organisation.logo.doctype" : "organisation.logo.type");
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void checkSvg(Document document) {
		for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				// such as <?xml-stylesheet href="https://..."?>
				throw Refused.invalid(FIELD, "organisation.logo.unsafe");
			}
		}
		check(document.getDocumentElement());
	}

	private static void check(Node node) {
		switch (node.getNodeType()) {
			case Node.ELEMENT_NODE -> checkElement((Element) node);
			case Node.PROCESSING_INSTRUCTION_NODE, Node.ENTITY_REFERENCE_NODE ->
				throw Refused.invalid(FIELD, "organisation.logo.unsafe");
			case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
				var parent = node.getParentNode();
				if (parent != null && "style".equalsIgnoreCase(parent.getLocalName()) && foreign(node.getNodeValue())) {
					throw Refused.invalid(FIELD, "organisation.logo.unsafe");
				}
			}
			default -> {
			}
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			check(child);
		}
	}

	private static void checkElement(Element element) {
		var name = local(element).toLowerCase(Locale.ROOT);
		if (name.equals("script") || name.equals("foreignobject")) {
			throw Refused.invalid(FIELD, "organisation.logo.unsafe");
		}
		var attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			var attribute = attributes.item(i);
			var attributeName = local(attribute).toLowerCase(Locale.ROOT);
			var value = attribute.getNodeValue().strip();
			if (attributeName.startsWith("on") || attributeName.equals("href") && !linksWithin(value)
					|| attributeName.equals("attributename") && value.toLowerCase(Locale.ROOT).endsWith("href")
					|| foreign(value)
					|| attributeName.equals("style") && value.toLowerCase(Locale.ROOT).contains("@import")) {
				throw Refused.invalid(FIELD, "organisation.logo.unsafe");
			}
		}
	}

	/** A link to a part of the SVG itself, or a PNG carried inside it. */
	private static boolean linksWithin(String href) {
		return href.startsWith("#") || href.regionMatches(true, 0, "data:image/png", 0, 14);
	}

	private static boolean foreign(String text) {
		return text != null && (FOREIGN_URL.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("@import"));
	}

	private static String local(Node node) {
		return node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
	}

}
