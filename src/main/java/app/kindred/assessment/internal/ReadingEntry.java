package app.kindred.assessment.internal;

import java.util.UUID;

/** An entry of a programme's reading list: a bibliographic entry at its place. */
public record ReadingEntry(UUID id, int position, String citation) {
}
