package app.kindred.programme;

import jakarta.persistence.Embeddable;

/** A programme's words in one language. */
@Embeddable
public record ProgrammeText(String name, String description, String audience) {
}
