package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A form's scoring rule applied to one answer: each scored item reverse-scored where the
 * form says so, then their mean or sum; nothing when an item is missing, as a partial
 * score would not compare with a whole one.
 */
final class Scores {

	private Scores() {
	}

	static Optional<BigDecimal> total(SurveyDefinition form, List<Answer.Item> items) {
		var scoring = form.scoring();
		if (scoring == null || scoring.items() == null || scoring.items().isEmpty()) {
			return Optional.empty();
		}
		var chosen = new HashMap<String, Integer>();
		items.stream().filter(i -> i.choice() != null).forEach(i -> chosen.put(i.question(), i.choice()));
		var sum = BigDecimal.ZERO;
		for (var key : scoring.items()) {
			var question = form.question(key).orElse(null);
			var value = chosen.get(key);
			if (question == null || value == null) {
				return Optional.empty();
			}
			var scale = form.scales().get(question.scale());
			int point = question.reverse() && scale != null ? scale.min() + scale.max() - value : value;
			sum = sum.add(BigDecimal.valueOf(point));
		}
		return Optional.of("SUM".equals(scoring.method()) ? sum
				: sum.divide(BigDecimal.valueOf(scoring.items().size()), MathContext.DECIMAL64));
	}

}
