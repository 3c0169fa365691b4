package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session JDBC on a real (H2) database, its filter as the application has it: a
 * request whose response is committed early (a redirect) reads its session once with
 * {@link SessionReadOnce}, and twice without it; what the request wrote is saved either
 * way.
 */
class SessionReadOnceTests {

	private final AtomicInteger sessionReads = new AtomicInteger();

	private JdbcIndexedSessionRepository repository;

	@BeforeEach
	void database() {
		var h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:session-read-once-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		new ResourceDatabasePopulator(new ClassPathResource("org/springframework/session/jdbc/schema-h2.sql"))
			.execute(h2);
		var counted = ProxyDataSourceBuilder.create(h2).afterQuery((execution, queries) -> {
			queries.stream()
				.filter(q -> q.getQuery().startsWith("SELECT") && q.getQuery().contains("FROM SPRING_SESSION S"))
				.forEach(q -> sessionReads.incrementAndGet());
		}).build();
		var raw = new JdbcIndexedSessionRepository(new JdbcTemplate(counted),
				new TransactionTemplate(new DataSourceTransactionManager(counted)));
		repository = (JdbcIndexedSessionRepository) SessionReadOnce.sessionRepositoryRemembering()
			.postProcessAfterInitialization(raw, "sessionRepository");
	}

	@Test
	void aRedirectReadsTheSessionOnceAndKeepsWhatItWrote() throws Exception {
		var cookie = firstRequest(true);
		sessionReads.set(0);

		var second = request(cookie, true, "second");

		assertThat(sessionReads).as("reads of the session in the redirected request").hasValue(1);
		assertThat(second.getRedirectedUrl()).isEqualTo("/next");
		sessionReads.set(0);
		request(cookie, true, "third");
		var id = new String(Base64.getDecoder().decode(cookie.getValue()));
		Session stored = repository.findById(id);
		assertThat(stored.<String>getAttribute("visit")).isEqualTo("third");
	}

	@Test
	void withoutTheRequestsCopySpringSessionReadsItTwice() throws Exception {
		var cookie = firstRequest(false);
		sessionReads.set(0);

		request(cookie, false, "second");

		assertThat(sessionReads).hasValue(2);
	}

	private Cookie firstRequest(boolean once) throws Exception {
		var first = request(null, once, "first");
		var header = first.getHeader("Set-Cookie");
		assertThat(header).startsWith("SESSION=");
		return new Cookie("SESSION", header.substring("SESSION=".length(), header.indexOf(';')));
	}

	/** One request that notes its visit in the session and redirects. */
	private MockHttpServletResponse request(Cookie cookie, boolean once, String visit) throws Exception {
		var request = new MockHttpServletRequest("GET", "/somewhere");
		if (cookie != null) {
			request.setCookies(cookie);
		}
		var response = new MockHttpServletResponse();
		var page = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
				req.getSession().setAttribute("visit", visit);
				resp.sendRedirect("/next");
			}
		};
		var sessions = new SessionRepositoryFilter<>(repository);
		var chain = once ? new MockFilterChain(page, new SessionReadOnce.Scope(), sessions)
				: new MockFilterChain(page, sessions);
		chain.doFilter(request, response);
		return response;
	}

}
