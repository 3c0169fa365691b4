package app.kindred.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import app.kindred.assessment.internal.ReadingListService;
import app.kindred.programme.ProgrammeId;

/**
 * Reading lists for setting up a course outside its pages (the demo data): the
 * recommended literature of the course description SZ00CM31, as bibliographic entries,
 * and a way to give a programme a list. No programme gets a list by itself: its
 * coordinators and teachers write theirs on the course settings.
 */
@Service
public class ReadingLists {

	private static final String SZ00CM31 = "assessment/reading-SZ00CM31.txt";

	private final ReadingListService lists;

	ReadingLists(ReadingListService lists) {
		this.lists = lists;
	}

	/**
	 * The literature the course "Supporting wellbeing and life skills" (SZ00CM31)
	 * recommends, in the source's order.
	 */
	public List<String> supportingWellbeing() {
		try (var in = new ClassPathResource(SZ00CM31).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Gives the programme these entries, in order, when its list is empty; a list that
	 * has entries is left as it is, so running the set-up again adds nothing.
	 */
	public void fillIfEmpty(ProgrammeId programme, List<String> citations) {
		lists.fillIfEmpty(programme, citations);
	}

}
