package app.kindred.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.kindred.identity.internal.CredentialsVersions;

/**
 * Ends a signed-in session once its account's password has been changed or reset
 * elsewhere. Every session remembers the account's credentials version it signed in with,
 * and each request compares it with the account's current one (kept by
 * {@link CredentialsVersions} until it changes), on whichever instance it lands: sessions
 * are shared in the database, but finding all of an account's sessions there would tie
 * the password change to Spring Session's tables. A stale session is invalidated and the
 * request goes on signed out, so a page that needs an account sends the person to sign
 * in. Not a bean: Spring Boot would also register it outside the security chain.
 */
class SessionFreshness extends OncePerRequestFilter {

	private final CredentialsVersions versions;

	SessionFreshness(CredentialsVersions versions) {
		this.versions = versions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var holder = SecurityContextHolder.getContextHolderStrategy();
		var authentication = holder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			if (!versions.isCurrent(user.id().value(), user.credentialsVersion())) {
				holder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
