package app.kindred;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One browser's session in MockMvc tests. Sessions are Spring Session's, shared by the
 * instances in the database and found by the {@code SESSION} cookie, never by the mock
 * request's own session, so a test carries the cookie from one request to the next as a
 * browser would: {@code session.perform(mvc, get("/account"))}.
 */
public final class CookieSession implements RequestPostProcessor {

	private Cookie cookie;

	public ResultActions perform(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		var actions = mvc.perform(request.with(this));
		var set = actions.andReturn().getResponse().getCookie("SESSION");
		if (set != null) {
			cookie = set.getMaxAge() == 0 ? null : set;
		}
		return actions;
	}

	/** The session's id as Spring Session stores it (the cookie holds it in Base64). */
	public String id() {
		return cookie == null ? null
				: new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (cookie != null) {
			var cookies = new ArrayList<Cookie>(
					request.getCookies() == null ? List.of() : Arrays.asList(request.getCookies()));
			cookies.add(cookie);
			request.setCookies(cookies.toArray(Cookie[]::new));
		}
		return request;
	}

}
