package app.kindred.announcement;

import java.util.Optional;

import app.kindred.core.Language;

/** Read access to sent announcements for other modules: the mail that carries one. */
public interface Announcements {

	/**
	 * The announcement as written in this language, else as written first; empty for an
	 * unknown announcement.
	 */
	Optional<Version> version(AnnouncementId id, Language wanted);

	/** One language's version of an announcement. */
	record Version(Language language, String subject, String body) {
	}

}
