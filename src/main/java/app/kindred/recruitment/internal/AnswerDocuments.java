package app.kindred.recruitment.internal;

import org.springframework.stereotype.Component;

import app.kindred.recruitment.SignUpAnswers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of {@link SignUpAnswers.Details}: one JSON document per application.
 */
@Component
class AnswerDocuments {

	private final JsonMapper json;

	AnswerDocuments(JsonMapper json) {
		this.json = json;
	}

	String write(SignUpAnswers.Details details) {
		return json.writeValueAsString(details);
	}

	/** Applications from before answers were kept as a document have none. */
	SignUpAnswers.Details read(String stored) {
		return stored == null ? SignUpAnswers.Details.NONE : json.readValue(stored, SignUpAnswers.Details.class);
	}

}
