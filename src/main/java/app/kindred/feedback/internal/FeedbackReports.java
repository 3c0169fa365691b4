package app.kindred.feedback.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.ProgrammeReport.Quote;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * A programme's feedback report, its PDF, the coordinator's choice of quotes and the raw
 * answers as CSV. The report is for the programme's coordinators and for the teachers of
 * its organisation (who assess the credit course and may need its feedback); choosing
 * quotes and downloading the raw answers are the coordinators' alone. Everything here
 * reads only the written answers ({@code survey_response}, {@code survey_item}), never
 * who answered.
 */
@Service
public class FeedbackReports {

	private final ProgrammeAccess access;

	private final SurveyStore surveys;

	private final ResponseStore responses;

	private final ReportStore store;

	private final PublishedGroups groups;

	private final FeedbackPdf pdf;

	FeedbackReports(ProgrammeAccess access, SurveyStore surveys, ResponseStore responses, ReportStore store,
			PublishedGroups groups, FeedbackPdf pdf) {
		this.access = access;
		this.surveys = surveys;
		this.responses = responses;
		this.store = store;
		this.groups = groups;
		this.pdf = pdf;
	}

	/** A file to download under its name. */
	public record Download(String filename, byte[] content) {
	}

	/** The raw answers: a header and rows in random order. */
	public record Csv(String filename, List<String> header, List<List<String>> rows) {
	}

	@Transactional(readOnly = true)
	public ProgrammeReport report(ProgrammeId id, AccountId viewer, Language language) {
		var programme = access.coordinatedOrTaught(id, viewer);
		return build(programme, language, access.coordinates(programme, viewer));
	}

	/**
	 * @param lang {@code fi}, {@code sv} or {@code en}; blank for the viewer's language
	 */
	@Transactional(readOnly = true)
	public Download pdf(ProgrammeId id, String lang, Language viewing, AccountId viewer) {
		// who may see it first, so that an outsider learns nothing from a refused
		// language
		var programme = access.coordinatedOrTaught(id, viewer);
		var language = lang == null || lang.isBlank() ? viewing : Language.fromCode(lang)
			.orElseThrow(() -> Refused.invalid("language", "feedback.report.pdf.language"));
		var report = build(programme, language, false);
		return new Download("feedback-report-" + language.code() + ".pdf", pdf.render(report, language));
	}

	/**
	 * Quotes {@code chosen} and no other of the free texts shown; an id that is not a
	 * quotable text shown in this programme's report is refused (422) and nothing
	 * changes.
	 */
	@Transactional
	public void chooseQuotes(ProgrammeId id, Set<UUID> chosen, AccountId viewer) {
		var programme = access.coordinated(id, viewer);
		var offered = SurveyReports.quotable(build(programme, Language.EN, true).surveys());
		if (!offered.containsAll(chosen)) {
			throw Refused.invalid("items", "feedback.quotes.invalid");
		}
		store.quote(offered, chosen);
	}

	/**
	 * The survey's answers, one row each in random order, without the day, group,
	 * language or pair code (each would let a reader pick out a handful of people); only
	 * the questions at least five answered. Refused (409) under five answers.
	 */
	@Transactional(readOnly = true)
	public Csv answers(ProgrammeId id, UUID surveyId, AccountId viewer) {
		access.coordinated(id, viewer);
		var survey = surveys.find(surveyId)
			.filter(s -> s.programme().equals(id))
			.orElseThrow(() -> new NotFoundException("survey"));
		var rows = new ArrayList<>(responses.responses(survey.id()));
		if (!Anonymity.shown(rows.size())) {
			throw Refused.conflict("feedback.csv.fewer");
		}
		Collections.shuffle(rows);
		var form = survey.form();
		var questions = form.questions()
			.stream()
			.filter(q -> Anonymity.shown(
					rows.stream().filter(r -> r.items().stream().anyMatch(i -> i.question().equals(q.key()))).count()))
			.toList();
		var header = new ArrayList<String>();
		questions.forEach(q -> header.add(q.key()));
		boolean scored = SurveyReports.scored(form);
		if (scored) {
			header.add("score");
		}
		var lines = new ArrayList<List<String>>();
		for (var r : rows) {
			var line = new ArrayList<String>();
			for (var q : questions) {
				line.add(r.items()
					.stream()
					.filter(i -> i.question().equals(q.key()))
					.map(i -> value(q.type(), i))
					.filter(Objects::nonNull)
					.collect(Collectors.joining(q.type() == QuestionType.TEXT ? "\n" : "|")));
			}
			if (scored) {
				line.add(r.score() == null ? "" : r.score().stripTrailingZeros().toPlainString());
			}
			lines.add(line);
		}
		return new Csv(survey.formKey() + "-" + survey.moment().name().toLowerCase() + "-answers.csv", header, lines);
	}

	private static String value(QuestionType type, Response.Item item) {
		if (item.choice() != null) {
			return String.valueOf(item.choice());
		}
		if (item.amount() != null) {
			return item.amount().stripTrailingZeros().toPlainString();
		}
		return item.text();
	}

	ProgrammeReport build(ProgrammeView programme, Language language, boolean coordinator) {
		var list = surveys.ofProgramme(programme.id());
		var invited = store.invited(list.stream().map(Survey::id).toList());
		var numbers = new HashMap<UUID, Integer>();
		groups.groups(programme.id()).forEach(g -> numbers.put(g.id(), g.number()));
		var answers = new HashMap<UUID, List<Response>>();
		var reports = new ArrayList<SurveyReport>();
		for (var survey : list) {
			var rs = responses.responses(survey.id());
			answers.put(survey.id(), rs);
			reports.add(SurveyReports.of(survey, rs, invited.getOrDefault(survey.id(), 0), numbers, language));
		}
		var prePost = new ArrayList<PrePostReport>();
		Map<String, List<Survey>> measures = list.stream()
			.filter(s -> s.kind() == SurveyKind.MEASURE)
			.collect(Collectors.groupingBy(Survey::formKey));
		measures.forEach((key, pair) -> {
			var before = pair.stream().filter(s -> s.moment() == Moment.BEFORE_FIRST).findFirst();
			var after = pair.stream().filter(s -> s.moment() == Moment.AFTER_LAST).findFirst();
			if (before.isPresent() && after.isPresent() && SurveyReports.scored(after.get().form())) {
				prePost.add(SurveyReports.prePost(before.get(), answers.get(before.get().id()), after.get(),
						answers.get(after.get().id()), language));
			}
		});
		var quotes = new ArrayList<Quote>();
		reports.forEach(s -> s.questions()
			.forEach(q -> q.texts()
				.stream()
				.filter(QuestionReport.FreeText::quoted)
				.forEach(t -> quotes.add(new Quote(t.itemId(), t.text())))));
		return new ProgrammeReport(programme, List.copyOf(reports), List.copyOf(prePost), List.copyOf(quotes),
				coordinator);
	}

}
