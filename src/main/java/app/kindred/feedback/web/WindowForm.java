package app.kindred.feedback.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;

/** A survey's new window, typed in the organisation's zone. */
record WindowForm(@Size(max = 40) String opens, @Size(max = 40) String closes) {

	static WindowForm empty() {
		return new WindowForm(null, null);
	}

	record Checked(Instant opens, Instant closes) {
	}

	Optional<Checked> check(ZoneId zone, BindingResult result) {
		var from = TypedFields.instant(opens, zone, "opens", result);
		var to = TypedFields.instant(closes, zone, "closes", result);
		return result.hasErrors() ? Optional.empty() : Optional.of(new Checked(from, to));
	}

}
