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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The load generator of bench/pages: signed-in users request the pages of their role, one page at a time, and the
 * latency of each request is recorded. JDK only: {@code java --source 21 bench/Pages.java measure ...} or
 * {@code ... report ...}.
 *
 * <p>{@code measure --base URL --plan FILE --password P --requests R --warmup W --concurrency C --label L --out FILE}:
 * the plan has one line per user and page, tab-separated: page, role, email, path, the page's title (for the feed,
 * its first line) and the name of the programme the page must show. Every user signs in once (its own cookies, the
 * CSRF token from the sign-in page); then every page is requested W times per user unmeasured, and then per page, in
 * the plan's order, its users request it R times measured, C at a time. A request counts as an error unless it answers HTTP 200 with the expected title and
 * programme. Writes per page to the out file: page, role, requests, errors, p50, p95, p99 and mean (ms), bytes, and
 * the CPU time per request (ms) of Kindred's process (--server-pid) and of the PostgreSQL backends of its database
 * (--database, but --exclude-pid), read from /proc before and after the page's measured requests, and when they
 * started and ended (epoch ms).
 *
 * <p>{@code report --demo FILE --national FILE}: the table of both, and the last line
 * {@code pages: worst_ratio=R page=NAME} (the largest ratio of the p95s); exits 1 when either had errors.
 */
public class Pages {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.DOTALL);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

	record Visit(String page, String role, String email, String path, String title, String programme) {
	}

	private final String base;

	private final String password;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** Each user's cookies: a cookie jar per person. */
	private final Map<String, Map<String, String>> jars = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

	/** Kindred's process, for its CPU time; 0 for none. */
	private long serverPid;

	/** The database whose backends' CPU time counts; null for none. */
	private String database;

	/** A backend of that database not to count (bench/pages' own sampler); 0 for none. */
	private long excludedPid;

	private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

	Pages(String base, String password) {
		this.base = base;
		this.password = password;
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !(args[0].equals("measure") || args[0].equals("report"))) {
			usage();
		}
		var options = new LinkedHashMap<String, String>(Map.of("--requests", "10", "--warmup", "2", "--concurrency",
				"32", "--label", "measured", "--password", "kindred-rush"));
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		if (args[0].equals("report")) {
			if (!options.containsKey("--demo") || !options.containsKey("--national")) {
				usage();
			}
			System.exit(report(Path.of(options.get("--demo")), Path.of(options.get("--national"))));
		}
		for (var required : List.of("--base", "--plan", "--out")) {
			if (!options.containsKey(required)) {
				usage();
			}
		}
		var plan = Files.readAllLines(Path.of(options.get("--plan")))
			.stream()
			.filter(l -> !l.isBlank())
			.map(l -> l.split("\t", -1))
			.map(f -> new Visit(f[0], f[1], f[2], f[3], f[4], f[5]))
			.toList();
		var bench = new Pages(options.get("--base"), options.get("--password"));
		bench.serverPid = Long.parseLong(options.getOrDefault("--server-pid", "0"));
		bench.database = options.get("--database");
		bench.excludedPid = Long.parseLong(options.getOrDefault("--exclude-pid", "0"));
		int exit = bench.measure(plan, Integer.parseInt(options.get("--requests")),
				Integer.parseInt(options.get("--warmup")), Integer.parseInt(options.get("--concurrency")),
				options.get("--label"), Path.of(options.get("--out")));
		System.exit(exit);
	}

	private static void usage() {
		System.err.println("usage: Pages measure --base URL --plan FILE --out FILE [--password P] [--requests R] "
				+ "[--warmup W] [--concurrency C] [--label L] [--server-pid PID] [--database NAME] "
				+ "[--exclude-pid PID]\n       Pages report --demo FILE --national FILE");
		System.exit(2);
	}

	int measure(List<Visit> plan, int requests, int warmup, int concurrency, String label, Path out)
			throws Exception {
		var pool = Executors.newFixedThreadPool(concurrency);
		try {
			// Everyone signs in first; a user who cannot sign in fails every request of theirs
			var emails = plan.stream().map(Visit::email).distinct().toList();
			var signInErrors = new AtomicInteger();
			runAll(pool, emails.stream().<Runnable>map(email -> () -> {
				try {
					signIn(email);
				}
				catch (Exception e) {
					signInErrors.incrementAndGet();
					error(email + ": sign-in: " + e);
				}
			}).toList());
			var pages = new LinkedHashMap<String, List<Visit>>();
			plan.forEach(v -> pages.computeIfAbsent(v.page(), p -> new ArrayList<>()).add(v));
			var lines = new ArrayList<String>();
			int totalErrors = signInErrors.get();
			// Every page unmeasured first, before any is measured: the JIT (the first page measured gets the code the
			// later ones share warmed too), the caches, the statements prepared on the server
			for (var visits : pages.values()) {
				runAll(pool, visits.stream().<Runnable>map(v -> () -> {
					for (int i = 0; i < warmup; i++) {
						visit(v, null);
					}
				}).toList());
			}
			System.out.printf(Locale.ROOT, "%-18s %-12s %6s %6s %9s %9s %9s %9s %9s %9s %9s%n", "page (" + label + ")",
					"role", "n", "errors", "p50_ms", "p95_ms", "p99_ms", "mean_ms", "bytes", "app_cpu", "db_cpu");
			for (var entry : pages.entrySet()) {
				var visits = entry.getValue();
				var errors = new AtomicInteger();
				var bytes = new AtomicInteger();
				var latencies = new ConcurrentLinkedQueue<Long>();
				long appBefore = ticks(serverPid), dbBefore = databaseTicks(), startedAt = System.currentTimeMillis();
				runAll(pool, visits.stream().<Runnable>map(v -> () -> {
					for (int i = 0; i < requests; i++) {
						long start = System.nanoTime();
						int size = visit(v, errors);
						if (size >= 0) {
							latencies.add(System.nanoTime() - start);
							bytes.set(size);
						}
					}
				}).toList());
				long endedAt = System.currentTimeMillis();
				long appTicks = ticks(serverPid) - appBefore, dbTicks = databaseTicks() - dbBefore;
				var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
				totalErrors += errors.get();
				int n = sorted.length + errors.get();
				// CPU per request in ms: Kindred's process, and the backends of its database
				var line = String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%.1f\t%.1f\t%d\t%d",
						entry.getKey(), visits.getFirst().role(), n, errors.get(), percentile(sorted, 50),
						percentile(sorted, 95), percentile(sorted, 99),
						Arrays.stream(sorted).average().orElse(0) / 1e6, bytes.get(),
						1000.0 * appTicks / TICKS_PER_SECOND / Math.max(1, n),
						1000.0 * dbTicks / TICKS_PER_SECOND / Math.max(1, n), startedAt, endedAt);
				lines.add(line);
				var f = Arrays.copyOf(line.split("\t"), 11);
				System.out.printf(Locale.ROOT, "%-18s %-12s %6s %6s %9s %9s %9s %9s %9s %9s %9s%n", (Object[]) f);
			}
			Files.write(out, lines);
			errorSamples.stream().limit(20).forEach(e -> System.err.println("error: " + e));
			return totalErrors == 0 ? 0 : 1;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void runAll(ExecutorService pool, List<Runnable> tasks) throws Exception {
		var futures = new ArrayList<Future<?>>();
		tasks.forEach(t -> futures.add(pool.submit(t)));
		for (var f : futures) {
			f.get();
		}
	}

	/**
	 * One request of one page by its user: its size in bytes, or -1 after an error (counted in errors; in the
	 * warm-up, where errors is null, the error is only kept as a sample).
	 */
	private int visit(Visit v, AtomicInteger errors) {
		try {
			var response = send(get(v.path()), v.email());
			if (response.statusCode() != 200) {
				var to = response.headers().firstValue("Location").orElse("");
				throw new IllegalStateException("HTTP " + response.statusCode() + (to.isEmpty() ? "" : " to " + to));
			}
			var body = response.body();
			if (v.title().startsWith("BEGIN:")) {
				if (!body.startsWith(v.title()) || !body.contains("BEGIN:VEVENT")) {
					throw new IllegalStateException("not a calendar with events");
				}
			}
			else {
				var title = TITLE.matcher(body);
				if (!title.find() || !unescape(title.group(1)).contains(v.title())) {
					throw new IllegalStateException(
							"not the page titled '" + v.title() + "' but '" + (title.find(0) ? title.group(1) : "") + "'");
				}
			}
			if (!unescape(body).contains(v.programme())) {
				throw new IllegalStateException("the page does not show '" + v.programme() + "'");
			}
			return body.getBytes(StandardCharsets.UTF_8).length;
		}
		catch (Exception e) {
			if (errors != null) {
				errors.incrementAndGet();
			}
			error(v.email() + ": GET " + v.path() + ": " + e);
			return -1;
		}
	}

	/** utime + stime of one process, in clock ticks; 0 when there is none. */
	private static long ticks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (Exception gone) {
			return 0;
		}
	}

	/**
	 * utime + stime of the PostgreSQL backends serving the database (their process title names it), but the
	 * excluded one: other databases' work on a shared server does not count. Needs PostgreSQL on this machine.
	 */
	private long databaseTicks() {
		if (database == null) {
			return 0;
		}
		long total = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (var dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					long pid = Long.parseLong(dir.getFileName().toString());
					if (pid == excludedPid) {
						continue;
					}
					var title = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
					if (title.startsWith("postgres: ") && title.contains(" " + database + " ")) {
						total += ticks(pid);
					}
				}
				catch (Exception gone) {
					// ended meanwhile, or not ours to read
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return total;
	}

	private static String unescape(String html) {
		return html.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
	}

	private void signIn(String email) throws Exception {
		var page = send(get("/sign-in"), email);
		if (page.statusCode() != 200) {
			throw new IllegalStateException("sign-in page: HTTP " + page.statusCode());
		}
		var signedIn = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form("email", email, "password", password, "_csrf", csrf(page)))),
				email);
		var to = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || to.contains("/sign-in")) {
			throw new IllegalStateException("refused: HTTP " + signedIn.statusCode() + " to " + to);
		}
	}

	private void error(String message) {
		if (errorSamples.size() < 100) {
			errorSamples.add(message);
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String email)
			throws IOException, InterruptedException {
		var cookies = jars.computeIfAbsent(email, e -> new ConcurrentHashMap<>());
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
			if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return response;
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

	/** The two measurements side by side; 0, or 1 when either had errors or a page is missing. */
	static int report(Path demo, Path national) throws IOException {
		var before = read(demo);
		var after = read(national);
		System.out.printf(Locale.ROOT, "%-18s %-12s %9s %9s %9s %9s %9s %9s %11s %11s %6s%n", "page", "role",
				"demo_p50", "demo_p95", "nat_p50", "nat_p95", "p50_ratio", "p95_ratio", "app_cpu_ms", "db_cpu_ms",
				"errors");
		double worst = 0;
		String worstPage = "none";
		int errors = 0;
		for (var entry : before.entrySet()) {
			var d = entry.getValue();
			var n = after.get(entry.getKey());
			if (n == null) {
				System.err.println("pages: no national figures for " + entry.getKey());
				errors++;
				continue;
			}
			double p50Ratio = Double.parseDouble(n[4]) / Math.max(0.1, Double.parseDouble(d[4]));
			double p95Ratio = Double.parseDouble(n[5]) / Math.max(0.1, Double.parseDouble(d[5]));
			int pageErrors = Integer.parseInt(d[3]) + Integer.parseInt(n[3]);
			errors += pageErrors;
			// CPU per request, demo -> national
			System.out.printf(Locale.ROOT, "%-18s %-12s %9s %9s %9s %9s %9.2f %9.2f %11s %11s %6d%n", entry.getKey(),
					d[1], d[4], d[5], n[4], n[5], p50Ratio, p95Ratio, cpu(d, n, 9), cpu(d, n, 10), pageErrors);
			if (p95Ratio > worst) {
				worst = p95Ratio;
				worstPage = entry.getKey();
			}
		}
		System.out.printf(Locale.ROOT, "pages: worst_ratio=%.2f page=%s%n", worst, worstPage);
		return errors == 0 ? 0 : 1;
	}

	private static String cpu(String[] demo, String[] national, int column) {
		return (demo.length > column ? demo[column] : "?") + "->" + (national.length > column ? national[column] : "?");
	}

	private static Map<String, String[]> read(Path file) throws IOException {
		var rows = new LinkedHashMap<String, String[]>();
		for (var line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				var f = line.split("\t");
				rows.put(f[0], f);
			}
		}
		return rows;
	}

}
