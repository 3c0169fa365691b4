package app.kindred.programme;

import java.util.UUID;

public record ProgrammeId(UUID value) {
}
