package app.kindred.home.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.kindred.core.HomeContributor;
import app.kindred.core.HomeContributor.Part;
import app.kindred.core.HomeContributor.Phase;
import app.kindred.core.HomeContributor.Role;
import app.kindred.core.HomeContributor.Task;
import app.kindred.core.HomeContributor.Viewer;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;

/**
 * Gathers every module's parts of one person's Home into sections, one per programme and
 * role, with everything that needs the person listed first.
 */
@Service
public class HomeService {

	private final List<HomeContributor> contributors;

	private final ProgrammeService programmes;

	HomeService(List<HomeContributor> contributors, ProgrammeService programmes) {
		this.contributors = contributors;
		this.programmes = programmes;
	}

	/**
	 * A section's parts about one programme (none for parts about no programme) in one
	 * role.
	 */
	public record Section(ProgrammeView programme, Role role, Phase phase, List<Part> parts) {
	}

	/** A task with the programme it belongs to, if any. */
	public record Needed(ProgrammeView programme, Task task) {
	}

	public record Home(List<Needed> needed, List<Section> sections) {

		public boolean empty() {
			return sections.isEmpty();
		}

	}

	public Home of(Viewer viewer) {
		var parts = contributors.stream().flatMap(c -> c.parts(viewer).stream()).toList();
		var grouped = new LinkedHashMap<Key, List<Part>>();
		for (var part : parts) {
			grouped.computeIfAbsent(new Key(part.programme(), part.role()), k -> new ArrayList<>()).add(part);
		}
		var sections = new ArrayList<Section>();
		grouped.forEach((key, inSection) -> {
			// A programme that is gone takes its parts with it; parts about no programme
			// stay
			var programme = key.programme() == null ? null
					: programmes.find(new ProgrammeId(key.programme())).orElse(null);
			if (key.programme() != null && programme == null) {
				return;
			}
			inSection.sort(Comparator.comparingInt(Part::order));
			var phase = inSection.stream()
				.map(Part::phase)
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(null);
			sections.add(new Section(programme, key.role(), phase, List.copyOf(inSection)));
		});
		// Sections asking something of the person first, then by role (own programmes
		// before
		// staff work), then by the programme's term
		sections.sort(Comparator.comparing((Section s) -> s.parts().stream().allMatch(p -> p.tasks().isEmpty()))
			.thenComparing(s -> s.role() == null ? -1 : s.role().ordinal())
			.thenComparing(s -> s.programme() == null ? null : s.programme().settings().termStart(),
					Comparator.nullsFirst(Comparator.naturalOrder())));
		var needed = sections.stream()
			.flatMap(s -> s.parts().stream().flatMap(p -> p.tasks().stream().map(t -> new Needed(s.programme(), t))))
			.toList();
		return new Home(needed, List.copyOf(sections));
	}

	private record Key(UUID programme, Role role) {
	}

}
