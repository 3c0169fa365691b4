import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The load generator of bench/registration-rush: U accounts sign up for one programme's participant seats, C at a
 * time, each as a browser would (its own cookies, CSRF tokens from the pages), as fast as the server answers.
 *
 * <p>Per account: GET /sign-in, POST /sign-in, GET the sign-up form, POST it and follow its redirect to the result
 * page. The sign-up latency is measured from the POST to the end of the result page. Only the JDK is needed:
 * {@code java --source 21 bench/RegistrationRush.java --base http://127.0.0.1:PORT --programme ID ...}. Prints one
 * {@code result:} line of key=value pairs on standard output; error details go to standard error.
 *
 * <p>With {@code --operator user:password} and {@code --concurrency 1} it also reads Kindred's statement counter
 * ({@code kindred.jdbc.statements} at /actuator/prometheus, on with kindred.diagnostics.count-statements) before and
 * after each step and prints the mean SQL statements per step on standard error; the step timings then include
 * those reads.
 */
public class RegistrationRush {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final String base;
	private final String programme;
	private final String emailPattern;
	private final String password;
	private final HttpClient http;
	/** "Basic ..." for /actuator/prometheus, or null: then statements are not counted per step. */
	private final String operatorAuthorization;
	private final AtomicLong[] stepStatements = { new AtomicLong(), new AtomicLong(), new AtomicLong(),
			new AtomicLong(), new AtomicLong() };
	private static final String[] STATEMENT_STEPS = { "sign_in_page", "sign_in_post", "form", "sign_up_post",
			"result_page" };

	private final AtomicInteger errors = new AtomicInteger();
	private final AtomicInteger seated = new AtomicInteger();
	private final AtomicInteger waiting = new AtomicInteger();
	private final AtomicInteger pending = new AtomicInteger();
	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
	/** Total nanoseconds per step, for the breakdown: sign-in (GET + POST), form, sign-up POST, result page. */
	private final AtomicLong[] stepNanos = { new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong() };
	private final AtomicInteger[] stepCount = { new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
			new AtomicInteger() };

	RegistrationRush(String base, String programme, String emailPattern, String password, String operator) {
		this.base = base;
		this.operatorAuthorization = operator == null ? null
				: "Basic " + java.util.Base64.getEncoder().encodeToString(operator.getBytes(StandardCharsets.UTF_8));
		this.programme = programme;
		this.emailPattern = emailPattern;
		this.password = password;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public static void main(String[] args) throws Exception {
		var options = new LinkedHashMap<String, String>(Map.of("--users", "10000", "--concurrency", "64",
				"--email-pattern", "rush-%d@bench.kindred.test", "--password", "kindred-rush", "--deadline-seconds",
				"1200"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		if (!options.containsKey("--base") || !options.containsKey("--programme")) {
			System.err.println("usage: RegistrationRush --base http://127.0.0.1:PORT --programme UUID [--users U] "
					+ "[--concurrency C] [--email-pattern rush-%d@...] [--password P] [--deadline-seconds N] "
					+ "[--operator user:password]");
			System.exit(2);
		}
		int users = Integer.parseInt(options.get("--users"));
		int concurrency = Integer.parseInt(options.get("--concurrency"));
		long deadlineSeconds = Long.parseLong(options.get("--deadline-seconds"));
		var rush = new RegistrationRush(options.get("--base"), options.get("--programme"),
				options.get("--email-pattern"), options.get("--password"),
				concurrency == 1 ? options.get("--operator") : null);
		rush.run(users, concurrency, deadlineSeconds);
	}

	void run(int users, int concurrency, long deadlineSeconds) throws InterruptedException {
		var latencies = new long[users];
		Arrays.fill(latencies, -1);
		var next = new AtomicInteger();
		var completed = new AtomicInteger();
		var notStarted = new AtomicLong();
		var done = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		long deadline = start + Duration.ofSeconds(deadlineSeconds).toNanos();
		for (int w = 0; w < concurrency; w++) {
			Thread.ofPlatform().name("rush-" + w).start(() -> {
				try {
					for (int i; (i = next.getAndIncrement()) < users;) {
						if (System.nanoTime() > deadline) {
							notStarted.incrementAndGet();
							continue;
						}
						long nanos = oneUser(i);
						if (nanos >= 0) {
							latencies[i] = nanos;
							completed.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		double seconds = (System.nanoTime() - start) / 1e9;
		int unfinished = (int) notStarted.get();
		if (unfinished > 0) {
			errors.addAndGet(unfinished);
			error("deadline of " + deadlineSeconds + " s reached; " + unfinished + " accounts not started");
		}
		var measured = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
		errorSamples.stream().limit(10).forEach(e -> System.err.println("error: " + e));
		var names = new String[] { "sign_in", "form", "sign_up_post", "result_page" };
		var steps = new StringBuilder("steps (mean ms):");
		for (int s = 0; s < names.length; s++) {
			int n = stepCount[s].get();
			steps.append(String.format(java.util.Locale.ROOT, " %s=%.1f (n=%d)", names[s],
					n == 0 ? 0 : stepNanos[s].get() / 1e6 / n, n));
		}
		System.err.println(steps);
		if (operatorAuthorization != null && completed.get() > 0) {
			var statements = new StringBuilder("steps (statements per person):");
			long total = 0;
			for (int s = 0; s < STATEMENT_STEPS.length; s++) {
				long n = stepStatements[s].get();
				total += n;
				statements.append(String.format(java.util.Locale.ROOT, " %s=%.2f", STATEMENT_STEPS[s],
						(double) n / completed.get()));
			}
			System.err.println(statements.append(String.format(java.util.Locale.ROOT, " total=%.2f",
					(double) total / completed.get())));
		}
		System.out.printf(java.util.Locale.ROOT,
				"result: users=%d concurrency=%d completed=%d errors=%d seconds=%.3f signups_per_s=%.1f "
						+ "p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f seated_pages=%d waiting_pages=%d pending_pages=%d%n",
				users, concurrency, completed.get(), errors.get(), seconds, completed.get() / seconds,
				percentile(measured, 50), percentile(measured, 95), percentile(measured, 99),
				measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, seated.get(), waiting.get(),
				pending.get());
	}

	/** One person's whole journey; the sign-up's latency in nanoseconds, or -1 after an error. */
	private long oneUser(int index) {
		var cookies = new LinkedHashMap<String, String>();
		var email = String.format(java.util.Locale.ROOT, emailPattern, index);
		String step = "GET /sign-in";
		var counted = new long[STATEMENT_STEPS.length];
		try {
			long c = statements();
			long s0 = System.nanoTime();
			var signInPage = send(get("/sign-in"), cookies);
			expect(signInPage, 200);
			c = countStatements(counted, 0, c);
			step = "POST /sign-in";
			var signedIn = send(post("/sign-in", form("email", email, "password", password, "_csrf", csrf(signInPage))),
					cookies);
			expect(signedIn, 302);
			c = countStatements(counted, 1, c);
			var to = signedIn.headers().firstValue("Location").orElse("");
			if (to.contains("/sign-in")) {
				throw new IllegalStateException("sign-in refused, redirected to " + to);
			}
			s0 = record(0, s0);
			var signUpPath = "/programmes/" + programme + "/sign-up/participant";
			step = "GET " + signUpPath;
			var formPage = send(get(signUpPath), cookies);
			expect(formPage, 200);
			var token = csrf(formPage);
			c = countStatements(counted, 2, c);
			record(1, s0);
			step = "POST " + signUpPath;
			long t0 = System.nanoTime();
			var signedUp = send(post(signUpPath,
					form("languages", "EN", "delivery", "REMOTE", "consent", "true", "_csrf", token)), cookies);
			expect(signedUp, 302);
			var result = signedUp.headers().firstValue("Location").orElse("");
			if (!result.endsWith("/programmes/" + programme + "/applications/participant")) {
				throw new IllegalStateException("sign-up redirected to " + result);
			}
			c = countStatements(counted, 3, c);
			long t1 = record(2, t0);
			step = "GET " + result;
			var page = send(get(result), cookies);
			long nanos = System.nanoTime() - t0;
			record(3, t1);
			expect(page, 200);
			countStatements(counted, 4, c);
			var body = page.body();
			if (body.contains("You have a place.")) {
				seated.incrementAndGet();
			}
			else if (body.contains("You are on the waiting list")) {
				waiting.incrementAndGet();
			}
			else if (body.contains("is being processed")) {
				pending.incrementAndGet();
			}
			else {
				throw new IllegalStateException("result page without a decision");
			}
			for (int s = 0; s < counted.length; s++) {
				stepStatements[s].addAndGet(counted[s]);
			}
			return nanos;
		}
		catch (Exception e) {
			errors.incrementAndGet();
			error(email + ": " + step + ": " + e);
			return -1;
		}
	}

	/** Kindred's statements so far, when counting per step; 0 otherwise. */
	private long statements() throws IOException, InterruptedException {
		if (operatorAuthorization == null) {
			return 0;
		}
		var response = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", operatorAuthorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofLines());
		expect(response.statusCode(), 200);
		return response.body()
			.filter(line -> line.startsWith("kindred_jdbc_statements_total{"))
			.mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private long countStatements(long[] counted, int step, long before) throws IOException, InterruptedException {
		long now = statements();
		counted[step] = now - before;
		return now;
	}

	private long record(int step, long since) {
		long now = System.nanoTime();
		stepNanos[step].addAndGet(now - since);
		stepCount[step].incrementAndGet();
		return now;
	}

	private void error(String message) {
		if (errorSamples.size() < 100) {
			errorSamples.add(message);
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET();
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

	/** Sends with this person's cookies and keeps the ones the answer sets: a cookie jar per person. */
	private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies)
			throws IOException, InterruptedException {
		request.header("Accept-Language", "en");
		if (!cookies.isEmpty()) {
			var header = new StringBuilder();
			cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
			request.header("Cookie", header.toString());
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (var set : response.headers().allValues("Set-Cookie")) {
			var pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			var name = pair.substring(0, eq).strip();
			var value = pair.substring(eq + 1).strip();
			if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return response;
	}

	private static void expect(HttpResponse<String> response, int status) {
		expect(response.statusCode(), status);
	}

	private static void expect(int actual, int status) {
		if (actual != status) {
			throw new IllegalStateException("HTTP " + actual + " (expected " + status + ")");
		}
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

	private static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
	}

}
