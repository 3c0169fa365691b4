package app.kindred.meeting.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.CalendarEvent;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.internal.CalendarFeedService;

/**
 * A person's private calendar feed: the page that shows its address and makes a new one,
 * and the feed itself, which calendar applications fetch without signing in: the secret
 * in the address is the key.
 */
@Controller
class CalendarController {

	private final CalendarFeedService feeds;

	CalendarController(CalendarFeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/calendar")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("address", feeds.address(user.id()).orElse(null));
		return "meeting/calendar";
	}

	/**
	 * Makes the first address, or a new one in place of the old, which stops working at
	 * once.
	 */
	@PostMapping("/calendar/reset")
	String reset(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var had = feeds.address(user.id()).isPresent();
		feeds.reset(user.id());
		redirect.addFlashAttribute("notice", had ? "meeting.feed.reset" : "meeting.feed.made");
		return "redirect:/calendar";
	}

	@GetMapping("/calendar/feed/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		var file = feeds.feed(token);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, CalendarEvent.CONTENT_TYPE)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Robots-Tag", "noindex")
			.header("Referrer-Policy", "no-referrer")
			.body(file);
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes calendarFeedRoutes() {
			return () -> List.of("/calendar/feed/**");
		}

	}

}
