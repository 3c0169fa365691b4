import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Times the network's pooled report over HTTP, as its admin opens it: signs in once, opens the report --warmup times
 * unmeasured (the JIT and the caches), then --reports times one after another, and prints per report the wall time
 * and the CPU time Kindred's process and PostgreSQL's processes spent on it (read from /proc before and after each
 * request, so it needs Kindred and PostgreSQL on this machine). JDK only, run from source by bench/network-report.
 *
 * <p>Prints to standard output one line:
 * {@code result: reports=N wall_p50_ms=.. wall_mean_ms=.. wall_max_ms=.. kindred_cpu_ms=.. postgres_cpu_ms=.. bytes=..}
 */
public class NetworkReport {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	NetworkReport(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		var options = new LinkedHashMap<String, String>(Map.of("--reports", "20", "--warmup", "5", "--query", ""));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		for (var required : List.of("--base", "--network", "--email", "--password", "--server-pid")) {
			if (!options.containsKey(required)) {
				System.err.println("usage: NetworkReport --base URL --network UUID --email E --password P "
						+ "--server-pid PID [--reports N] [--warmup W] [--query year=2026]");
				System.exit(2);
			}
		}
		var bench = new NetworkReport(options.get("--base"));
		bench.signIn(options.get("--email"), options.get("--password"));
		var path = "/organisations/" + options.get("--network") + "/report"
				+ (options.get("--query").isEmpty() ? "" : "?" + options.get("--query"));
		long serverPid = Long.parseLong(options.get("--server-pid"));
		for (int i = 0; i < Integer.parseInt(options.get("--warmup")); i++) {
			bench.report(path);
		}
		int n = Integer.parseInt(options.get("--reports"));
		var wall = new long[n];
		long kindredTicks = 0, postgresTicks = 0, bytes = 0;
		for (int i = 0; i < n; i++) {
			long kindredBefore = ticks(serverPid), postgresBefore = postgresTicks();
			long start = System.nanoTime();
			bytes = bench.report(path);
			wall[i] = System.nanoTime() - start;
			kindredTicks += ticks(serverPid) - kindredBefore;
			postgresTicks += postgresTicks() - postgresBefore;
		}
		var sorted = wall.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT,
				"result: reports=%d wall_p50_ms=%.1f wall_mean_ms=%.1f wall_max_ms=%.1f kindred_cpu_ms=%.1f "
						+ "postgres_cpu_ms=%.1f bytes=%d%n",
				n, sorted[(n - 1) / 2] / 1e6, Arrays.stream(wall).average().orElse(0) / 1e6, sorted[n - 1] / 1e6,
				1000.0 * kindredTicks / TICKS_PER_SECOND / n, 1000.0 * postgresTicks / TICKS_PER_SECOND / n, bytes);
	}

	private void signIn(String email, String password) throws Exception {
		var page = send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET());
		var signedIn = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form("email", email, "password", password, "_csrf", csrf(page)))));
		var to = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || to.contains("/sign-in")) {
			throw new IllegalStateException("sign-in refused: HTTP " + signedIn.statusCode() + " to " + to);
		}
	}

	/** Opens the report; its size in bytes. */
	private long report(String path) throws Exception {
		var response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		if (response.statusCode() != 200 || !response.body().contains("people answered")) {
			throw new IllegalStateException("the report answered HTTP " + response.statusCode());
		}
		return response.body().getBytes(StandardCharsets.UTF_8).length;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (!cookies.isEmpty()) {
			var header = new ArrayList<String>();
			cookies.forEach((k, v) -> header.add(k + "=" + v));
			request.header("Cookie", String.join("; ", header));
		}
		var response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofString());
		for (var set : response.headers().allValues("Set-Cookie")) {
			var pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq > 0) {
				cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
			}
		}
		return response;
	}

	/** utime + stime of one process, in clock ticks. */
	private static long ticks(long pid) {
		try {
			var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (Exception gone) {
			return 0;
		}
	}

	/** utime + stime of every process named postgres: the backends, and the server's own helpers. */
	private static long postgresTicks() throws Exception {
		long total = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (var dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					var stat = Files.readString(dir.resolve("stat"));
					if (stat.contains("(postgres)")) {
						total += ticks(Long.parseLong(dir.getFileName().toString()));
					}
				}
				catch (Exception gone) {
					// ended meanwhile
				}
			}
		}
		return total;
	}

	private static String csrf(HttpResponse<String> page) {
		var input = CSRF_INPUT.matcher(page.body());
		if (!input.find()) {
			throw new IllegalStateException("no _csrf field on the page");
		}
		var value = VALUE.matcher(input.group());
		if (!value.find()) {
			throw new IllegalStateException("_csrf field without a value");
		}
		return value.group(1).replace("&#45;", "-").replace("&amp;", "&");
	}

	private static String form(String... pairs) {
		var out = new ArrayList<String>();
		for (int i = 0; i < pairs.length; i += 2) {
			out.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return String.join("&", out);
	}

}
