package app.kindred.programme;

import java.time.Instant;

/** A published programme's window that closes at {@code closes}. */
public record ClosingWindow(ProgrammeId programme, ProgrammeWindow window, Instant closes) {
}
