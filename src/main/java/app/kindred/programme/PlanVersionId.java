package app.kindred.programme;

import java.util.UUID;

/** One version of a session plan; what a programme uses. */
public record PlanVersionId(UUID value) {
}
