package app.kindred.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;

class SurveyFormatTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String instrument() {
		return resource("feedback/made-up-instrument.json");
	}

	@Test
	void readsAnInstrumentWithTheStructureOfTheScsShortForm() {
		var form = SurveyFormat.parse(instrument().getBytes(StandardCharsets.UTF_8));
		assertThat(form.key()).isEqualTo("made-up-short-form");
		assertThat(form.kind()).isEqualTo(SurveyKind.MEASURE);
		assertThat(form.validated()).isTrue();
		assertThat(form.questions()).hasSize(12).allMatch(q -> q.type() == QuestionType.LIKERT);
		assertThat(form.questions().stream().filter(SurveyDefinition.Question::reverse).map(q -> q.key()))
			.containsExactly("item-1", "item-4", "item-8", "item-9", "item-11", "item-12");
		assertThat(form.scales().get("often").labels().get(Language.SV)).hasSize(5).startsWith("Nästan aldrig");
		assertThat(form.scoring().method()).isEqualTo("MEAN");
		assertThat(form.scoring().items()).hasSize(12);
		assertThat(form.scoring().subscales()).hasSize(6).noneMatch(SurveyDefinition.Subscale::reported);
		assertThat(SurveyDefinition.in(form.source(), Language.EN)).contains("Journal of Made-up Measures");
		assertThat(SurveyFormat.languages(form)).containsExactlyInAnyOrder(Language.values());
	}

	@Test
	void theDocumentedExampleIsAFileKindredReads() throws IOException {
		var doc = Files.readString(Path.of("docs/survey-format.md"));
		var start = doc.indexOf("```json\n") + "```json\n".length();
		var example = SurveyFormat.parse(doc.substring(start, doc.indexOf("```", start)));
		assertThat(example).isEqualTo(SurveyFormat.parse(instrument()));
		assertThat(example.scoring().subscales()).hasSize(6).noneMatch(SurveyDefinition.Subscale::reported);
	}

	@Test
	void writesAFormBackAsItWasRead() {
		var form = SurveyFormat.parse(instrument());
		var written = SurveyFormat.write(form);
		assertThat(SurveyFormat.parse(written)).isEqualTo(form);
		assertThat(written).contains("\"format\" : \"kindred-survey/1\"").contains("\"sv\"").doesNotContain("\"SV\"");
	}

	@Test
	void scoresTheMeanWithItemsOneFourEightNineElevenAndTwelveReversed() {
		var form = SurveyFormat.parse(instrument());
		// 5 everywhere: reversed items count 1, the others 5: (6*1 + 6*5)/12 = 3
		var fives = new ArrayList<Answer.Item>();
		for (int i = 1; i <= 12; i++) {
			fives.add(new Answer.Item("item-" + i, 5, null, null, false));
		}
		assertThat(Scores.total(form, fives)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
		// the most self-compassionate answer: 1 on reversed items, 5 on the others
		var best = new ArrayList<Answer.Item>();
		for (int i = 1; i <= 12; i++) {
			var reversed = List.of(1, 4, 8, 9, 11, 12).contains(i);
			best.add(new Answer.Item("item-" + i, reversed ? 1 : 5, null, null, false));
		}
		assertThat(Scores.total(form, best)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
		// item 4 at 2 counts 4; the rest as best: (11*5 + 4)/12
		best.set(3, new Answer.Item("item-4", 2, null, null, false));
		assertThat(Scores.total(form, best)).hasValueSatisfying(v -> assertThat(v)
			.isEqualByComparingTo(BigDecimal.valueOf(59).divide(BigDecimal.valueOf(12), MathContext.DECIMAL64)));
		// an item missing: no score
		assertThat(Scores.total(form, best.subList(0, 11))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "kindred-participant-feedback", "kindred-mentor-feedback", "kindred-self-compassion" })
	void theShippedFormsParseAndSpeakAllThreeLanguagesEverywhere(String key) {
		var form = SurveyFormat.parse(resource("feedback/forms/" + key + ".json"));
		assertThat(form.key()).isEqualTo(key);
		var all = EnumSet.allOf(Language.class);
		assertThat(form.title().keySet()).isEqualTo(all);
		assertThat(form.introduction().keySet()).isEqualTo(all);
		form.scales().values().forEach(s -> assertThat(s.labels().keySet()).isEqualTo(all));
		form.questions().forEach(q -> {
			assertThat(q.text().keySet()).as(q.key()).isEqualTo(all);
			assertThat(q.text().values()).as(q.key()).doesNotHaveDuplicates();
			if (!q.options().isEmpty()) {
				assertThat(q.options().keySet()).isEqualTo(all);
			}
		});
	}

	@Test
	void theShippedFormsHaveTheKeysReportsRelyOn() {
		var participant = SurveyFormat.parse(resource("feedback/forms/kindred-participant-feedback.json"));
		assertThat(participant.kind()).isEqualTo(SurveyKind.PARTICIPANT_FEEDBACK);
		assertThat(participant.questions().stream().map(SurveyDefinition.Question::key)).contains("wellbeing",
				"compassion-skills", "pressures", "positive-self", "safe-space", "support", "peer-led", "recommend",
				"tell-a-friend");
		assertThat(participant.question("tell-a-friend").orElseThrow().quotable()).isTrue();
		var mentor = SurveyFormat.parse(resource("feedback/forms/kindred-mentor-feedback.json"));
		assertThat(mentor.kind()).isEqualTo(SurveyKind.MENTOR_FEEDBACK);
		assertThat(mentor.questions().stream().map(SurveyDefinition.Question::key)).contains("training", "supervision",
				"co-mentoring", "session-plans");
		var measure = SurveyFormat.parse(resource("feedback/forms/kindred-self-compassion.json"));
		assertThat(measure.kind()).isEqualTo(SurveyKind.MEASURE);
		assertThat(measure.validated()).isFalse();
		assertThat(measure.source().values()).allMatch(s -> !s.isBlank());
		assertThat(measure.questions()).hasSizeBetween(8, 10);
		var reversed = measure.questions().stream().filter(SurveyDefinition.Question::reverse).count();
		assertThat(reversed).isBetween(4L, 6L);
		assertThat(measure.scoring().method()).isEqualTo("MEAN");
		assertThat(measure.scoring().items()).hasSameSizeAs(measure.questions());
	}

	@Test
	void aFormMayBeWrittenInOneLanguage() {
		var form = SurveyFormat.parse(edited(root -> {
			for (var node : root.findParents("en")) {
				((ObjectNode) node).remove(List.of("fi", "sv"));
			}
		}));
		assertThat(SurveyFormat.languages(form)).containsExactly(Language.EN);
		assertThat(form.questions().get(0).text()).containsOnlyKeys(Language.EN);
	}

	@Test
	void refusesWhatIsNotJsonOrTooLarge() {
		assertRefused("notJson", "{ not json");
		assertRefused("notJson", "[1, 2]");
		assertRefused("empty", "");
		assertRefused("notJson", instrument().replace("\"fi\": \"Väittämä 3\",", "\"en\": \"Item 3b\","));
		assertRefused("notJson", instrument() + "{}");
		var big = new byte[SurveyFormat.MAX_BYTES + 1];
		assertThatThrownBy(() -> SurveyFormat.parse(big)).isInstanceOfSatisfying(Refused.class,
				r -> assertThat(r.key()).isEqualTo("feedback.format.tooLarge"));
		var latin1 = new byte[] { '{', '"', (byte) 0xe4, '"', '}' };
		assertThatThrownBy(() -> SurveyFormat.parse(latin1)).isInstanceOfSatisfying(Refused.class,
				r -> assertThat(r.key()).isEqualTo("feedback.format.notJson"));
	}

	@Test
	void refusesAnotherVersionKindOrBadKey() {
		assertRefused("version", edited(r -> r.put("format", "kindred-survey/2")));
		assertRefused("version", edited(r -> r.remove("format")));
		assertRefused("kind", edited(r -> r.put("kind", "QUIZ")));
		assertRefused("key", edited(r -> r.put("key", "Made Up")));
		assertRefused("key", edited(r -> r.put("key", "ab")));
		assertRefused("key", edited(r -> r.put("key", "a".repeat(61))));
	}

	@Test
	void refusesAnUnknownScaleOrLabelsNotMatchingItsPoints() {
		assertRefused("unknownScale", edited(r -> question(r, 0).put("scale", "never-defined")));
		assertRefused("scaleLabels", edited(r -> ((ArrayNode) r.at("/scales/often/labels/fi")).remove(0)));
		assertRefused("scaleLabels", edited(r -> ((ObjectNode) r.at("/scales/often")).put("max", 7)));
		assertRefused("scaleRange", edited(r -> ((ObjectNode) r.at("/scales/often")).put("max", 1)));
	}

	@Test
	void refusesReverseScoringOffAScale() {
		assertRefused("reverseNotLikert", edited(r -> {
			var q = question(r, 0);
			q.put("type", "TEXT");
			q.remove("scale");
		}));
	}

	@Test
	void refusesScoringAnItemThatIsNotLikert() {
		assertRefused("scoredNotLikert", edited(r -> {
			var q = question(r, 1);
			q.put("type", "NUMBER");
			q.remove("scale");
		}));
		assertRefused("unknownItem", edited(r -> ((ArrayNode) r.at("/scoring/items")).add("item-13")));
	}

	@Test
	void refusesADuplicateQuestionKey() {
		assertRefused("duplicateKey", edited(r -> question(r, 1).put("key", "item-1")));
		assertRefused("questionKey", edited(r -> question(r, 1).put("key", "Item 2")));
	}

	@Test
	void refusesATextMissingInALanguageTheFormClaims() {
		assertRefused("text", edited(r -> ((ObjectNode) question(r, 2).get("text")).remove("sv")));
		assertRefused("text", edited(r -> ((ObjectNode) r.get("source")).remove("fi")));
		assertRefused("text", edited(r -> ((ObjectNode) question(r, 2).get("text")).put("fi", "  ")));
		assertRefused("language", edited(r -> ((ObjectNode) r.get("title")).put("de", "Erfundene Kurzform")));
		assertRefused("language", edited(r -> {
			var title = (ObjectNode) r.get("title");
			title.put("EN", title.get("en").stringValue());
			title.remove("en");
		}));
		assertRefused("languages", edited(r -> r.putObject("title")));
	}

	@Test
	void refusesAMeasureWithoutItsSourceOrScoring() {
		assertRefused("source", edited(r -> r.remove("source")));
		assertRefused("scoring", edited(r -> {
			r.remove("scoring");
			for (var q : r.get("questions").values()) {
				((ObjectNode) q).remove("reverse");
			}
		}));
		assertRefused("scoringMethod", edited(r -> ((ObjectNode) r.get("scoring")).put("method", "MEDIAN")));
	}

	@Test
	void refusesOptionsOfUnequalLengthOrOnQuestionsWithoutChoices() {
		var single = edited(r -> {
			var q = ((ArrayNode) r.get("questions")).addObject();
			q.put("key", "year").put("type", "SINGLE");
			q.putObject("text").put("en", "Year").put("fi", "Vuosi").put("sv", "År");
			var o = q.putObject("options");
			o.putArray("en").add("First").add("Second");
			o.putArray("fi").add("Ensimmäinen").add("Toinen");
			o.putArray("sv").add("Första").add("Andra");
		});
		assertThat(SurveyFormat.parse(single).question("year").orElseThrow().options().get(Language.FI))
			.containsExactly("Ensimmäinen", "Toinen");
		assertRefused("options", single.replace("\"Andra\"", "\"Andra\", \"Tredje\""));
		assertRefused("options", edited(r -> question(r, 0).putObject("options").putArray("en").add("x")));
		assertRefused("quotableNotText", edited(r -> question(r, 0).put("quotable", true)));
	}

	private static ObjectNode question(ObjectNode root, int index) {
		return (ObjectNode) root.get("questions").get(index);
	}

	private static String edited(Consumer<ObjectNode> change) {
		var root = (ObjectNode) JSON.readTree(instrument());
		change.accept(root);
		return JSON.writeValueAsString(root);
	}

	private static void assertRefused(String problem, String file) {
		assertThatThrownBy(() -> SurveyFormat.parse(file)).isInstanceOfSatisfying(Refused.class, r -> {
			assertThat(r.key()).isEqualTo("feedback.format." + problem);
			assertThat(r.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(r.field()).contains("file");
		});
	}

}
