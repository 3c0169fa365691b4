package app.kindred.home.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.kindred.privacy.PrivacyNotices;
import app.kindred.core.HomeContributor.Viewer;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.home.internal.HomeService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeView;

/**
 * {@code /} is a signed-in person's Home, where signing in lands; for everyone else it is
 * the list of open programmes.
 */
@Controller
class HomeController {

	private final HomeService homes;

	private final MessageSource messages;

	private final Dates dates;

	private final Clock clock;

	private final PrivacyNotices privacyNotices;

	HomeController(HomeService homes, PrivacyNotices privacyNotices, MessageSource messages, Dates dates, Clock clock) {
		this.homes = homes;
		this.privacyNotices = privacyNotices;
		this.messages = messages;
		this.dates = dates;
		this.clock = clock;
	}

	/** A task as shown: its text in the viewer's language, its page and its programme. */
	record Needed(String text, String href, ProgrammeView programme) {
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user == null) {
			return "forward:/programmes";
		}
		var locale = LocaleContextHolder.getLocale();
		var viewer = new Viewer(user.id().value(), Language.of(locale), dates.zone(), clock.instant());
		var home = homes.of(viewer);
		model.addAttribute("viewer", viewer);
		// Until the person says they read it, the privacy notice of every organisation
		// whose programme they are in stands first; it blocks no page
		var programmes = home.sections()
			.stream()
			.map(HomeService.Section::programme)
			.filter(Objects::nonNull)
			.map(ProgrammeView::id)
			.distinct()
			.toList();
		model.addAttribute("privacyNotice",
				privacyNotices.unacknowledged(user.id(), programmes, viewer.language()).orElse(null));
		model.addAttribute("home", home);
		model.addAttribute("needed", home.needed().stream().map(n -> {
			// Times in a task's text are shown in the viewer's zone and language, as on
			// every page
			var arguments = n.task()
				.arguments()
				.stream()
				.map(a -> a instanceof Instant instant ? dates.dateTime(instant) : a)
				.toArray();
			return new Needed(messages.getMessage(n.task().message(), arguments, locale), n.task().href(),
					n.programme());
		}).toList());
		return "home/home";
	}

}
