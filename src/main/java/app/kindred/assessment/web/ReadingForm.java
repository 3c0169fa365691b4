package app.kindred.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import app.kindred.assessment.internal.ReadingListService;

/** A bibliographic entry for the reading list, as typed. */
record ReadingForm(@NotBlank @Size(max = ReadingListService.CITATION_MAX) String citation) {
}
