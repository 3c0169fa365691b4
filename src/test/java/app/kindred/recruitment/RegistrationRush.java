package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeText;
import java.util.concurrent.ExecutionException;

/**
 * A registration rush driven through HTTP as browsers do it: N people with verified
 * accounts sign in, open the participant sign-up form and, released together, submit it
 * to one or more application instances. Every {@code withdrawEvery}-th person withdraws
 * as soon as they see their result, and every {@code doubleSubmitEvery}-th sends the form
 * twice at once. Afterwards the database must show K seats given in arrival order, a
 * waiting list without gaps, and exactly one application per person.
 */
final class RegistrationRush {

	/**
	 * The numbers of one rush: N people, K seats, and which of them withdraw or
	 * double-submit.
	 */
	record Plan(int people, int seats, int withdrawEvery, int doubleSubmitEvery) {

		boolean withdraws(int person) {
			return person % withdrawEvery == withdrawEvery / 2;
		}

		boolean doubleSubmits(int person) {
			return person % doubleSubmitEvery == 3 && !withdraws(person);
		}

		int withdrawals() {
			int w = 0;
			for (int i = 0; i < people; i++) {
				w += withdraws(i) ? 1 : 0;
			}
			return w;
		}
	}

	/** What one step answered. */
	record Answer(String step, int status, String location, String body) {
	}

	/**
	 * What one person saw right after signing up: the state named on their status page,
	 * and their place.
	 */
	record Seen(String state, int position) {
	}

	private static final String PASSWORD = "rush password";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private static final int SIGNING_IN_AT_ONCE = 48;

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern WAITING = Pattern.compile("You are on the waiting list, in place (\\d+)\\.");

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TestData data;

	private final ProgrammeService programmes;

	private final RecruitmentService recruitment;

	RegistrationRush(JdbcClient jdbc, JdbcTemplate batch, TestData data, ProgrammeService programmes,
			RecruitmentService recruitment) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.data = data;
		this.programmes = programmes;
		this.recruitment = recruitment;
	}

	/**
	 * Runs the rush against the given instances (people alternate between them) and
	 * checks the outcome.
	 */
	Outcome run(Plan plan, List<String> baseUrls) throws Exception {
		var started = System.nanoTime();
		var programme = programme(plan.seats());
		var people = accounts(plan.people());
		var setUp = System.nanoTime();

		var failures = new ConcurrentLinkedQueue<String>();
		var seen = new Seen[plan.people()];
		var ready = new CountDownLatch(plan.people());
		var go = new CountDownLatch(1);
		// Signing in is only the preparation: a few dozen at a time, so the machine's
		// load goes to the rush itself.
		var signingIn = new Semaphore(SIGNING_IN_AT_ONCE);
		var http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		long rushStart;
		var signInStart = System.nanoTime();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			var tasks = new ArrayList<Future<?>>();
			for (int i = 0; i < plan.people(); i++) {
				int person = i;
				var visitor = new Visitor(http, baseUrls.get(i % baseUrls.size()), failures, "person " + i);
				tasks.add(threads.submit(() -> {
					String csrf = null;
					try {
						signingIn.acquire();
						try {
							csrf = visitor.signInAndOpenForm(people.get(person).email(), programme);
						}
						finally {
							signingIn.release();
						}
					}
					catch (Exception e) {
						failures.add("person " + person + " before the rush: " + e);
					}
					finally {
						ready.countDown();
					}
					go.await();
					if (csrf == null) {
						return null;
					}
					seen[person] = visitor.signUp(programme, csrf, plan.doubleSubmits(person), plan.withdraws(person));
					return null;
				}));
			}
			assertThat(ready.await(3, TimeUnit.MINUTES)).as("everyone signed in and opened the form").isTrue();
			rushStart = System.nanoTime();
			go.countDown();
			for (var task : tasks) {
				try {
					task.get(3, TimeUnit.MINUTES);
				}
				catch (ExecutionException e) {
					failures.add("task: " + e.getCause());
				}
			}
		}
		finally {
			http.close();
		}
		var rushEnd = System.nanoTime();

		assertThat(failures).as("failed requests").isEmpty();
		var outcome = check(plan, programme, people, seen);
		return new Outcome(outcome.seated(), outcome.waiting(), outcome.withdrawn(), outcome.pendingSeen(),
				Duration.ofNanos(setUp - started), Duration.ofNanos(rushStart - signInStart),
				Duration.ofNanos(rushEnd - rushStart));
	}

	/**
	 * The numbers of a finished rush, for the report: set-up is the programme and
	 * accounts, signIn everyone signing in and opening the form, rush from the release to
	 * the last withdrawal.
	 */
	record Outcome(int seated, int waiting, int withdrawn, int pendingSeen, Duration setUp, Duration signIn,
			Duration rush) {
	}

	private ProgrammeId programme(int seats) {
		var staff = data.staff();
		var s = data.settings();
		var settings = new ProgrammeSettings(s.eligibilityKind(), s.eligibilityValue(), s.remote(), s.videoLink(),
				s.onCampus(), s.campuses(), s.termStart(), s.termEnd(), s.mentorCallOpens(), s.mentorCallCloses(),
				s.mentorSeats(), s.signupOpens(), s.signupCloses(), seats, s.trainingCount(), s.trainingMinutes(),
				s.meetingCount(), s.meetingMinutes(), s.meetingIntervalWeeks(), s.groupMax(), s.groupMin(),
				s.mentorsPerGroup(), s.allowThreeMentors(), s.shareRoster(), s.creditCourse(), s.credits(),
				s.workloadFamiliarisation(), s.workloadTraining(), s.workloadGroups(), s.workloadLiterature(),
				s.grading(), s.certificate(), s.contactName(), s.contactEmail());
		var id = programmes.create(staff.organisation(),
				Map.of(Language.EN, new ProgrammeText("Rush programme", "A programme everybody wants.", "Students")),
				EnumSet.of(Language.EN), settings, staff.coordinator().id());
		programmes.publish(id, staff.coordinator().id());
		return id;
	}

	record Person(AccountId id, String email) {
	}

	/**
	 * Verified accounts in one batch, all with one cheap password hash: signing in is not
	 * what this test measures.
	 */
	private List<Person> accounts(int count) {
		var hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		var run = UUID.randomUUID().toString().substring(0, 8);
		var now = Timestamp.from(data.now());
		var people = new ArrayList<Person>();
		var rows = new ArrayList<Object[]>();
		for (int i = 0; i < count; i++) {
			var person = new Person(new AccountId(UUID.randomUUID()), "rush-" + run + "-" + i + "@test.example");
			people.add(person);
			rows.add(new Object[] { person.id().value(), person.email(), hash, "Rusher " + i, "EN", "Europe/Helsinki",
					now, now });
		}
		batch.batchUpdate("""
				insert into account (id, email, password_hash, display_name, preferred_language, time_zone,
				                     email_verified_at, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
		return people;
	}

	private record Row(UUID account, String state, Long arrival) {
	}

	private Outcome check(Plan plan, ProgrammeId programme, List<Person> people, Seen[] seen) {
		var rows = jdbc.sql("select account_id, state, arrival from application where programme_id = ? and role = ?")
			.params(programme.value(), RecruitmentRole.PARTICIPANT.name())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), (Long) rs.getObject(3, Long.class)))
			.list();
		int n = plan.people(), k = plan.seats(), w = plan.withdrawals();

		// One application per person, and nobody else's.
		assertThat(rows).extracting(Row::account)
			.as("one application per person")
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(people.stream().map(p -> p.id().value()).toList());

		var byState = rows.stream().collect(Collectors.groupingBy(Row::state, Collectors.counting()));
		assertThat(byState).as("applications by state")
			.containsOnlyKeys("SEATED", "WAITING", "WITHDRAWN")
			.containsEntry("SEATED", (long) k)
			.containsEntry("WITHDRAWN", (long) w)
			.containsEntry("WAITING", (long) (n - k - w));

		// Arrival numbers: every application was decided, and no number was given twice.
		assertThat(rows).extracting(Row::arrival).as("arrivals").doesNotContainNull().doesNotHaveDuplicates();

		// Seats went in arrival order: the seated are exactly the K earliest of those
		// still in.
		var stillIn = rows.stream()
			.filter(r -> !r.state().equals("WITHDRAWN"))
			.sorted((a, b) -> Long.compare(a.arrival(), b.arrival()))
			.toList();
		assertThat(stillIn.subList(0, k)).as("the K earliest arrivals still in")
			.allMatch(r -> r.state().equals("SEATED"));
		assertThat(stillIn.subList(k, stillIn.size())).as("everyone after them")
			.allMatch(r -> r.state().equals("WAITING"));

		// The waiting list, in arrival order, is 1, 2, 3, ... with no gaps, as the
		// service tells each person.
		var positions = stillIn.subList(k, stillIn.size())
			.stream()
			.map(r -> recruitment.find(programme, RecruitmentRole.PARTICIPANT, new AccountId(r.account()))
				.orElseThrow())
			.map(ApplicationStatus::position)
			.toList();
		var expected = new ArrayList<Integer>();
		for (int p = 1; p <= n - k - w; p++) {
			expected.add(p);
		}
		assertThat(positions).as("waiting positions in arrival order").isEqualTo(expected);

		var pool = jdbc.sql("select capacity, seated from seat_pool where programme_id = ? and role = ?")
			.params(programme.value(), RecruitmentRole.PARTICIPANT.name())
			.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		assertThat(pool).as("seat pool capacity and seated").containsExactly(k, k);

		// What people were told right after signing up still holds: nobody told "you have
		// a place" lost it.
		var state = new HashMap<UUID, String>();
		rows.forEach(r -> state.put(r.account(), r.state()));
		int pendingSeen = 0;
		for (int i = 0; i < n; i++) {
			assertThat(seen[i]).as("person %d saw a result", i).isNotNull();
			var finalState = state.get(people.get(i).id().value());
			if (plan.withdraws(i)) {
				assertThat(finalState).as("person %d withdrew", i).isEqualTo("WITHDRAWN");
			}
			else if (seen[i].state().equals("SEATED")) {
				assertThat(finalState).as("person %d was told they had a place", i).isEqualTo("SEATED");
			}
			else {
				assertThat(finalState).as("person %d", i).isIn("SEATED", "WAITING");
			}
			pendingSeen += seen[i].state().equals("PENDING") ? 1 : 0;
		}
		return new Outcome((int) (long) byState.get("SEATED"), (int) (long) byState.get("WAITING"),
				(int) (long) byState.get("WITHDRAWN"), pendingSeen, Duration.ZERO, Duration.ZERO, Duration.ZERO);
	}

	/** One person's browser: their own cookies, and every answer checked as it comes. */
	private static final class Visitor {

		private final HttpClient http;

		private final String base;

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final Queue<String> failures;

		private final String who;

		Visitor(HttpClient http, String base, Queue<String> failures, String who) {
			this.http = http;
			this.base = base;
			this.failures = failures;
			this.who = who;
		}

		/** Signs in and opens the sign-up form; answers the form's CSRF token. */
		String signInAndOpenForm(String email, ProgrammeId programme) throws Exception {
			var page = expect(get("/sign-in"), 200);
			var signedIn = expect(post("/sign-in", csrf(page), Map.of("email", email, "password", PASSWORD)), 302);
			if (signedIn.location() == null || signedIn.location().contains("error")) {
				throw new IllegalStateException("sign-in refused: " + signedIn.location());
			}
			return csrf(expect(get(signUpPath(programme)), 200));
		}

		/**
		 * Submits the form (twice at once when asked), follows the redirect to the status
		 * page and reads what it says; withdraws at once when asked, with the token from
		 * that page.
		 */
		Seen signUp(ProgrammeId programme, String csrf, boolean twice, boolean withdraw) {
			try {
				var form = new LinkedHashMap<String, String>();
				form.put("languages", "EN");
				form.put("delivery", "REMOTE");
				form.put("consent", "true");
				var statusPath = "/programmes/" + programme.value() + "/applications/participant";
				var submissions = new ArrayList<CompletableFuture<Answer>>();
				for (int i = 0; i < (twice ? 2 : 1); i++) {
					var request = postRequest(signUpPath(programme), csrf, form);
					submissions.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
						.thenApply(r -> answer("sign-up", r)));
				}
				Seen seen = null;
				for (var submission : submissions) {
					var answer = expect(submission.get(), 302);
					if (!URI.create(answer.location()).getPath().equals(statusPath)) {
						throw new IllegalStateException("sign-up redirected to " + answer.location());
					}
					var status = expect(get(statusPath), 200);
					var now = seen(status.body());
					seen = seen == null || seen.state().equals("PENDING") ? now : seen;
					if (withdraw && submissions.indexOf(submission) == submissions.size() - 1) {
						var withdrawn = expect(post(statusPath + "/withdraw", csrf(status), Map.of()), 302);
						var after = expect(get(URI.create(withdrawn.location()).getPath()), 200);
						if (!seen(after.body()).state().equals("WITHDRAWN")) {
							throw new IllegalStateException("after withdrawing the page says " + seen(after.body()));
						}
					}
				}
				return seen;
			}
			catch (Exception e) {
				failures.add(who + ": " + e);
				return null;
			}
		}

		private Seen seen(String page) {
			Matcher waiting = WAITING.matcher(page);
			if (waiting.find()) {
				return new Seen("WAITING", Integer.parseInt(waiting.group(1)));
			}
			if (page.contains("You have a place.")) {
				return new Seen("SEATED", 0);
			}
			if (page.contains("You have withdrawn.")) {
				return new Seen("WITHDRAWN", 0);
			}
			if (page.contains("is being processed")) {
				return new Seen("PENDING", 0);
			}
			throw new IllegalStateException("status page names no state");
		}

		private static String signUpPath(ProgrammeId programme) {
			return "/programmes/" + programme.value() + "/sign-up/participant";
		}

		private Answer get(String path) throws IOException, InterruptedException {
			var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
			return answer("GET " + path,
					http.send(withCookies(request, path).GET().build(), HttpResponse.BodyHandlers.ofString()));
		}

		private Answer post(String path, String csrf, Map<String, String> fields)
				throws IOException, InterruptedException {
			return answer("POST " + path,
					http.send(postRequest(path, csrf, fields), HttpResponse.BodyHandlers.ofString()));
		}

		private HttpRequest postRequest(String path, String csrf, Map<String, String> fields) {
			var body = new LinkedHashMap<>(fields);
			body.put("_csrf", csrf);
			var encoded = body.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			var request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(encoded));
			return withCookies(request, path).build();
		}

		private HttpRequest.Builder withCookies(HttpRequest.Builder request, String path) {
			try {
				cookies.get(URI.create(base + path), Map.of())
					.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			return request;
		}

		/**
		 * Keeps the cookies the answer sets, as a browser does, and records what it said.
		 */
		private Answer answer(String step, HttpResponse<String> response) {
			try {
				cookies.put(response.uri(), response.headers().map());
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			return new Answer(step, response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}

		private Answer expect(Answer answer, int status) {
			if (answer.status() != status) {
				throw new IllegalStateException(answer.step() + " answered " + answer.status() + " (expected " + status
						+ ")" + (answer.location() == null ? "" : " to " + answer.location()));
			}
			return answer;
		}

		private static String csrf(Answer page) {
			var m = CSRF.matcher(page.body());
			if (!m.find()) {
				throw new IllegalStateException(page.step() + ": no CSRF token on the page");
			}
			return m.group(1);
		}

	}

}
