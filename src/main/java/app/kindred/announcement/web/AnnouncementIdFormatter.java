package app.kindred.announcement.web;

import org.springframework.stereotype.Component;

import app.kindred.announcement.AnnouncementId;
import app.kindred.core.web.IdFormatter;

@Component
class AnnouncementIdFormatter extends IdFormatter<AnnouncementId> {

	AnnouncementIdFormatter() {
		super(AnnouncementId::new, AnnouncementId::value);
	}

}
