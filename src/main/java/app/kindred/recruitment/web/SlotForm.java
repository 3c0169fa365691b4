package app.kindred.recruitment.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.recruitment.Call;

/**
 * A weekly slot to add: a weekday and a starting time. Kept as typed and read by
 * {@link #check}, so a wrong value is shown back at its field instead of failing the
 * whole form.
 */
record SlotForm(String day, String starts) {

	static final int MAX_SLOTS = 40;

	static SlotForm blank() {
		return new SlotForm(DayOfWeek.MONDAY.name(), "");
	}

	/**
	 * The slot, or empty with the reasons in {@code result}; the call must have room for
	 * one more.
	 */
	Optional<Call.Slot> check(Call call, BindingResult result) {
		var weekday = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(day)).findFirst();
		if (weekday.isEmpty()) {
			result.rejectValue("day", "signUp.unknownChoice");
		}
		LocalTime time = null;
		try {
			time = starts == null || starts.isBlank() ? null : LocalTime.parse(starts.strip());
		}
		catch (DateTimeParseException e) {
			// told below
		}
		if (time == null) {
			result.rejectValue("starts", "calls.slot.startsInvalid");
		}
		if (call.slots().size() >= MAX_SLOTS) {
			result.reject("calls.slot.tooMany", new Object[] { MAX_SLOTS }, null);
		}
		return result.hasErrors() ? Optional.empty()
				: Optional.of(new Call.Slot(weekday.get(), time.withSecond(0).withNano(0)));
	}
}
