package app.kindred.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

/**
 * A browser without a screen for the sign-in journeys: one cookie jar across Kindred
 * ({@code localhost}) and the test provider ({@code 127.0.0.1}), redirects followed one
 * by one so a test can see (and spoil) each.
 */
final class OidcBrowser {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String kindred;

	private final String language;

	OidcBrowser(int kindredPort, String language) {
		this.kindred = "http://localhost:" + kindredPort;
		this.language = language;
	}

	/** The page reached, after every redirect, and where it is. */
	record Page(URI uri, int status, String body) {

		String path() {
			return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
		}

		String csrf() {
			return Jsoup.parse(body).select("input[name=_csrf]").attr("value");
		}

		String text() {
			return Jsoup.parse(body).text();
		}

	}

	Page get(String pathOrUri) throws IOException, InterruptedException {
		return follow(resolve(pathOrUri), UnaryOperator.identity());
	}

	/**
	 * Opens the address and follows its redirects, each passed through {@code change}
	 * first (as an attacker between the provider and Kindred would).
	 */
	Page follow(URI uri, UnaryOperator<URI> change) throws IOException, InterruptedException {
		var response = send(HttpRequest.newBuilder(uri).GET());
		return redirects(uri, response, change);
	}

	Page post(String pathOrUri, Map<String, String> form) throws IOException, InterruptedException {
		return post(pathOrUri, form, UnaryOperator.identity());
	}

	Page post(String pathOrUri, Map<String, String> form, UnaryOperator<URI> change)
			throws IOException, InterruptedException {
		var uri = resolve(pathOrUri);
		var body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		var response = send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		return redirects(uri, response, change);
	}

	/**
	 * Signs in at Kindred through the organisation's button: the provider's login form
	 * when it asks, then back to Kindred.
	 */
	Page signIn(Object organisation, TestOidcProvider.Person person) throws IOException, InterruptedException {
		return signIn(organisation, person, UnaryOperator.identity());
	}

	Page signIn(Object organisation, TestOidcProvider.Person person, UnaryOperator<URI> change)
			throws IOException, InterruptedException {
		var page = follow(resolve("/sign-in/with/" + organisation), change);
		if (page.uri().getPath().equals("/login") && page.uri().getHost().equals("127.0.0.1")) {
			var form = new LinkedHashMap<String, String>();
			form.put("username", person.username());
			form.put("password", person.password());
			page = post(page.uri().resolve("/login").toString(), form, change);
		}
		return page;
	}

	Map<String, String> form(Page page, String... namesAndValues) {
		var form = new LinkedHashMap<String, String>();
		form.put("_csrf", page.csrf());
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	private Page redirects(URI uri, HttpResponse<String> response, UnaryOperator<URI> change)
			throws IOException, InterruptedException {
		var at = uri;
		for (int hops = 0; hops < 20 && response.statusCode() / 100 == 3; hops++) {
			at = change.apply(at.resolve(response.headers().firstValue("Location").orElseThrow()));
			response = send(HttpRequest.newBuilder(at).GET());
		}
		return new Page(at, response.statusCode(), response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.header("Accept", "text/html").header("Accept-Language", language).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI resolve(String pathOrUri) {
		return pathOrUri.startsWith("http") ? URI.create(pathOrUri) : URI.create(kindred + pathOrUri);
	}

}
