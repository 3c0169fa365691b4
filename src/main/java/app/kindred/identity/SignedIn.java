package app.kindred.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Writes the signed-in person back to the session once they changed (profile, language, a
 * new password). Sessions are shared by every instance through the database, and Spring
 * Session stores an attribute only when it is set, not when the object it holds changes:
 * without this the next request, on any instance, would see the person as they signed in,
 * and a session that changed its own password would end at its next request, still
 * holding the old credentials version.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static void remember(HttpServletRequest request) {
		var session = request.getSession(false);
		var context = SecurityContextHolder.getContextHolderStrategy().getContext();
		if (session != null && context.getAuthentication() != null) {
			session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		}
	}

}
