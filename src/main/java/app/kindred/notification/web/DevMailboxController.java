package app.kindred.notification.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.core.NotFoundException;
import app.kindred.core.web.PublicRoutes;
import app.kindred.notification.internal.DevMailbox;

/**
 * The development mailbox: every message Kindred sent, in development mode when no SMTP
 * server is configured. Otherwise the mailbox does not exist and these pages answer 404,
 * to everyone (the routes stay public so that nobody is sent to sign in for a page that
 * is not there).
 */
@Controller
class DevMailboxController {

	private final ObjectProvider<DevMailbox> mailbox;

	DevMailboxController(ObjectProvider<DevMailbox> mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/dev/mailbox")
	String list(Model model) {
		model.addAttribute("messages", mailbox().messages());
		return "notification/mailbox";
	}

	@GetMapping("/dev/mailbox/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("message", mailbox().message(id).orElseThrow(() -> new NotFoundException("message")));
		return "notification/message";
	}

	private DevMailbox mailbox() {
		var box = mailbox.getIfAvailable();
		if (box == null) {
			throw new NotFoundException("mailbox");
		}
		return box;
	}

	/** Lets pages that promise an e-mail point to the mailbox, only where it exists. */
	@ControllerAdvice
	static class MailboxLink {

		private final ObjectProvider<DevMailbox> mailbox;

		/**
		 * Asked once: finding out whether a bean exists walks the bean factory, which on
		 * every page cost more than some pages' own work.
		 */
		private volatile Boolean present;

		MailboxLink(ObjectProvider<DevMailbox> mailbox) {
			this.mailbox = mailbox;
		}

		@ModelAttribute("devMailbox")
		boolean devMailbox() {
			var known = present;
			if (known == null) {
				known = mailbox.getIfAvailable() != null;
				present = known;
			}
			return known;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes mailboxRoutes() {
			return () -> List.of("/dev/mailbox", "/dev/mailbox/*");
		}

	}

}
