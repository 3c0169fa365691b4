package app.kindred.privacy.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import app.kindred.privacy.internal.PrivacyNoticeService;
import app.kindred.core.Language;

/**
 * An organisation's privacy notice as typed, one text per language; an empty one is none.
 */
record PrivacyNoticeForm(@Size(max = PrivacyNoticeService.MAX_LENGTH) String en,
		@Size(max = PrivacyNoticeService.MAX_LENGTH) String fi,
		@Size(max = PrivacyNoticeService.MAX_LENGTH) String sv) {

	static PrivacyNoticeForm of(Map<Language, String> texts) {
		return new PrivacyNoticeForm(texts.get(Language.EN), texts.get(Language.FI), texts.get(Language.SV));
	}

	Map<Language, String> texts() {
		var texts = new EnumMap<Language, String>(Language.class);
		texts.put(Language.EN, en);
		texts.put(Language.FI, fi);
		texts.put(Language.SV, sv);
		return texts;
	}

}
