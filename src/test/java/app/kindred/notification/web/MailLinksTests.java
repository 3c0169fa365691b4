package app.kindred.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLinksTests {

	@Test
	void showsDollarsAndBackslashesInLinksAsTheyAre() {
		// A name or address run into a link: $ and \ used to be read as group references
		// (a 500 in the mailbox)
		var rendered = new MailLinks().render("Hi Ann$1,\nhttps://kindred.example/verify?t=a$b\\c$ and more");

		assertThat(rendered).contains("Hi Ann$1,")
			.contains(
					"<a href=\"https://kindred.example/verify?t=a$b\\c$\">https://kindred.example/verify?t=a$b\\c$</a>");
	}

}
