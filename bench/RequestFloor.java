import java.io.IOException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The load generator of bench/request-floor: one GET, N times, C at a time, after W warm-up requests of the same
 * GET, and what the measured N cost in CPU: Kindred's JVM, the PostgreSQL backends serving its database and this
 * generator itself, each from /proc/<pid>/stat (utime + stime, in clock ticks; {@code --ticks-per-s} is
 * {@code getconf CLK_TCK}).
 *
 * <p>{@code --cookies none} sends no cookie and drops what the server sets: every request is a new visitor.
 * {@code --cookies keep} gives each of the C workers its own cookie jar (a returning visitor), and with
 * {@code --sign-in email:password} each worker first signs in once as a browser would (GET /sign-in, POST /sign-in
 * with the page's CSRF token), so the measured requests carry a signed-in session. Only the JDK is needed:
 * {@code java --source 21 bench/RequestFloor.java --base http://127.0.0.1:PORT --path /css/kindred.css ...}.
 * Prints one {@code floor:} line of key=value pairs on standard output; error details go to standard error.
 */
public class RequestFloor {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final String base;
	private final String path;
	private final boolean keepCookies;
	private final String signIn;
	private final HttpClient http;
	private final AtomicInteger errors = new AtomicInteger();
	/** Measured answers that set a cookie: a new session written to the database for each, when it is SESSION. */
	private final AtomicInteger setCookies = new AtomicInteger();
	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
	private long bytes;

	RequestFloor(String base, String path, boolean keepCookies, String signIn) {
		this.base = base;
		this.path = path;
		this.keepCookies = keepCookies;
		this.signIn = signIn;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public static void main(String[] args) throws Exception {
		var options = new LinkedHashMap<String, String>(Map.of("--requests", "20000", "--warmup", "20000",
				"--concurrency", "8", "--cookies", "none", "--ticks-per-s", "100", "--db-pids", "", "--app-pid", "0",
				"--name", "case"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		if (!options.containsKey("--base") || !options.containsKey("--path")) {
			System.err.println("usage: RequestFloor --base http://127.0.0.1:PORT --path /PATH [--name NAME] "
					+ "[--requests N] [--warmup W] [--concurrency C] [--cookies none|keep] [--sign-in email:password] "
					+ "[--app-pid PID] [--db-pids PID,PID,...] [--ticks-per-s HZ]");
			System.exit(2);
		}
		var floor = new RequestFloor(options.get("--base"), options.get("--path"),
				options.get("--cookies").equals("keep") || options.containsKey("--sign-in"), options.get("--sign-in"));
		List<Long> dbPids = options.get("--db-pids").isBlank() ? List.of()
				: Arrays.stream(options.get("--db-pids").split(",")).map(Long::parseLong).toList();
		boolean ok = floor.run(options.get("--name"), Integer.parseInt(options.get("--requests")),
				Integer.parseInt(options.get("--warmup")), Integer.parseInt(options.get("--concurrency")),
				Long.parseLong(options.get("--app-pid")), dbPids, Double.parseDouble(options.get("--ticks-per-s")));
		System.exit(ok ? 0 : 1);
	}

	boolean run(String name, int requests, int warmup, int concurrency, long appPid, List<Long> dbPids,
			double ticksPerSecond) throws Exception {
		var jars = new ArrayList<Map<String, String>>();
		for (int w = 0; w < concurrency; w++) {
			var jar = new LinkedHashMap<String, String>();
			if (signIn != null) {
				signIn(jar);
			}
			jars.add(jar);
		}
		// Warm-up: the same requests, not counted, so that both JVMs have compiled this path
		load(warmup, concurrency, jars, null);
		int warmupErrors = errors.getAndSet(0);
		setCookies.set(0);

		long app0 = ticks(appPid);
		long db0 = dbPids.stream().mapToLong(RequestFloor::ticks).sum();
		long self0 = ticks(ProcessHandle.current().pid());
		long start = System.nanoTime();
		var latencies = new long[requests];
		load(requests, concurrency, jars, latencies);
		double seconds = (System.nanoTime() - start) / 1e9;
		long self1 = ticks(ProcessHandle.current().pid());
		long app1 = ticks(appPid);
		var gone = dbPids.stream().filter(p -> !Files.exists(Path.of("/proc/" + p))).count();
		long db1 = dbPids.stream().mapToLong(RequestFloor::ticks).sum();

		errorSamples.stream().limit(10).forEach(e -> System.err.println("error: " + e));
		Arrays.sort(latencies);
		double perRequest = 1000.0 / ticksPerSecond / requests;
		System.out.printf(Locale.ROOT,
				"floor: case=%s path=%s cookies=%s requests=%d concurrency=%d errors=%d warmup_errors=%d "
						+ "requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f bytes_per_request=%d set_cookie=%d "
						+ "app_cpu_ms=%.3f db_cpu_ms=%.3f client_cpu_ms=%.3f total_cpu_ms=%.3f db_backends=%d gone=%d%n",
				name, path, signIn != null ? "signed-in" : keepCookies ? "keep" : "none", requests, concurrency,
				errors.get(), warmupErrors, requests / seconds, latencies[requests / 2] / 1e6,
				latencies[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6, bytes / requests,
				setCookies.get(), (app1 - app0) * perRequest, (db1 - db0) * perRequest, (self1 - self0) * perRequest,
				((app1 - app0) + (db1 - db0) + (self1 - self0)) * perRequest, dbPids.size(), gone);
		return errors.get() == 0 && warmupErrors == 0;
	}

	/** N GETs of the path, C threads at a time, each thread with its own cookie jar. */
	private void load(int n, int concurrency, List<Map<String, String>> jars, long[] latencies)
			throws InterruptedException {
		var next = new AtomicInteger();
		var done = new CountDownLatch(concurrency);
		var byteCounts = new long[concurrency];
		for (int w = 0; w < concurrency; w++) {
			var jar = jars.get(w);
			int worker = w;
			Thread.ofPlatform().name("floor-" + w).start(() -> {
				try {
					for (int i; (i = next.getAndIncrement()) < n;) {
						long t0 = System.nanoTime();
						try {
							var response = send(get(path), keepCookies ? jar : new LinkedHashMap<>(),
									HttpResponse.BodyHandlers.ofByteArray());
							if (response.statusCode() != 200) {
								throw new IllegalStateException("HTTP " + response.statusCode());
							}
							byteCounts[worker] += response.body().length;
							if (response.headers().firstValue("Set-Cookie").isPresent()) {
								setCookies.incrementAndGet();
							}
						}
						catch (Exception e) {
							errors.incrementAndGet();
							if (errorSamples.size() < 100) {
								errorSamples.add("GET " + path + ": " + e);
							}
						}
						if (latencies != null) {
							latencies[i] = System.nanoTime() - t0;
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		bytes = Arrays.stream(byteCounts).sum();
	}

	private void signIn(Map<String, String> jar) throws IOException, InterruptedException {
		int colon = signIn.indexOf(':');
		var page = send(get("/sign-in"), jar, HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET /sign-in: HTTP " + page.statusCode());
		}
		var signedIn = send(
				post("/sign-in", form("email", signIn.substring(0, colon), "password", signIn.substring(colon + 1),
						"_csrf", csrf(page.body()))),
				jar, HttpResponse.BodyHandlers.ofString());
		var to = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || to.contains("/sign-in")) {
			throw new IllegalStateException("sign-in refused: HTTP " + signedIn.statusCode() + " to " + to);
		}
	}

	/** utime + stime of a process in clock ticks (fields 14 and 15 of /proc/<pid>/stat); 0 when it is gone. */
	static long ticks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException e) {
			return 0;
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).GET();
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	/** Sends with the jar's cookies and keeps the ones the answer sets (as bench/RegistrationRush.java does). */
	private <T> HttpResponse<T> send(HttpRequest.Builder request, Map<String, String> cookies,
			HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
		request.header("Accept-Language", "en");
		if (!cookies.isEmpty()) {
			var header = new StringBuilder();
			cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
			request.header("Cookie", header.toString());
		}
		var response = http.send(request.build(), body);
		for (var set : response.headers().allValues("Set-Cookie")) {
			var pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			var name = pair.substring(0, eq).strip();
			var value = pair.substring(eq + 1).strip();
			if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return response;
	}

	private static String csrf(String page) {
		var input = CSRF_INPUT.matcher(page);
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
