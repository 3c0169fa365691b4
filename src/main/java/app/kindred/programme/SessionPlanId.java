package app.kindred.programme;

import java.util.UUID;

/** A session plan: Kindred's shipped plan or one an organisation owns. */
public record SessionPlanId(UUID value) {
}
