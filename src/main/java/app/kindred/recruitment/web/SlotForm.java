package app.kindred.recruitment.web;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

import app.kindred.recruitment.Call;

/** A weekly slot to add: a weekday and a starting time, on the quarter hour. */
record SlotForm(@NotNull DayOfWeek day, @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime starts) {

	Call.Slot slot() {
		return new Call.Slot(day, starts.withSecond(0).withNano(0));
	}
}
