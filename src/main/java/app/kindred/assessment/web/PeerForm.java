package app.kindred.assessment.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.PeerQuestion;
import app.kindred.assessment.internal.PeerReviewService;

/**
 * A peer evaluation as typed: a rating per {@link PeerQuestion} (one field each, named as
 * {@link PeerQuestion#field()}) and the written part. {@code confirmed} sends it for good
 * after the confirmation step; {@code edit} goes back from that step to the form.
 */
record PeerForm(Integer preparation, Integer sharing, Integer safeSpace, Integer reflection, Integer cooperation,
		@NotBlank @Size(min = PeerReviewService.TEXT_MIN, max = PeerReviewService.TEXT_MAX) String text,
		Boolean confirmed, Boolean edit) {

	static PeerForm empty() {
		return new PeerForm(null, null, null, null, null, "", null, null);
	}

	Map<PeerQuestion, Integer> ratings() {
		var ratings = new EnumMap<PeerQuestion, Integer>(PeerQuestion.class);
		for (var question : PeerQuestion.values()) {
			var rating = rating(question);
			if (rating != null) {
				ratings.put(question, rating);
			}
		}
		return ratings;
	}

	public Integer rating(PeerQuestion question) {
		return switch (question) {
			case PREPARATION -> preparation;
			case SHARING -> sharing;
			case SAFE_SPACE -> safeSpace;
			case REFLECTION -> reflection;
			case COOPERATION -> cooperation;
		};
	}

	/** Sent from the confirmation's button: submit for good. */
	boolean confirmedNow() {
		return Boolean.TRUE.equals(confirmed);
	}

	/** Sent from the confirmation's other button: back to the form. */
	boolean editAgain() {
		return Boolean.TRUE.equals(edit);
	}

	public String value() {
		return text == null ? "" : text.strip();
	}

	/**
	 * Every question rated on the course's scale (1 to {@code scale}); a rating left out
	 * and one off the scale are told alike at their question.
	 */
	boolean check(int scale, BindingResult result) {
		for (var question : PeerQuestion.values()) {
			var rating = rating(question);
			if (!result.hasFieldErrors(question.field()) && (rating == null || rating < 1 || rating > scale)) {
				result.rejectValue(question.field(), "assessment.peer.rating.range", new Object[] { scale }, null);
			}
		}
		return !result.hasErrors();
	}

}
