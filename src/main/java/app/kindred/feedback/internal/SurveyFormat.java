package app.kindred.feedback.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyDefinition.Scale;
import app.kindred.feedback.internal.SurveyDefinition.Scoring;
import app.kindred.feedback.internal.SurveyDefinition.Subscale;

/**
 * The documented survey file (docs/survey-format.md,
 * {@code "format": "kindred-survey/1"}) read into a {@link SurveyDefinition} and written
 * back. Reading checks everything a report or an answer page later relies on, so a form
 * that parses can be shown, answered and scored; a bad file is refused with
 * {@code Refused.invalid("file", key)} whose key names the problem. The same rules hold
 * for Kindred's shipped forms, an imported instrument and a coordinator's edited copy.
 */
public final class SurveyFormat {

	public static final String VERSION = "kindred-survey/1";

	/** Far above any real form (the SCS-SF in three languages is about 10 KB). */
	public static final int MAX_BYTES = 200 * 1024;

	public static final Pattern FORM_KEY = Pattern.compile("[a-z0-9-]{3,60}");

	/** Question keys are stored with every answer item (survey_item.question, 40). */
	public static final Pattern ITEM_KEY = Pattern.compile("[a-z0-9-]{1,40}");

	/** A free text in the form: long enough for an introduction or terms of use. */
	static final int MAX_TEXT = 4000;

	static final int MAX_QUESTIONS = 200;

	static final int MAX_OPTIONS = 50;

	static final int MAX_POINTS = 11;

	// A name given twice in one object ("en" twice) is refused rather than the last one
	// silently taken: the author meant one of them
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private SurveyFormat() {
	}

	/** Reads a file as uploaded: its size and encoding are checked before its content. */
	public static SurveyDefinition parse(byte[] file) {
		if (file == null || file.length == 0) {
			throw refused("empty");
		}
		if (file.length > MAX_BYTES) {
			throw refused("tooLarge");
		}
		try {
			return parse(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw refused("notJson");
		}
	}

	public static SurveyDefinition parse(String file) {
		if (file == null || file.isBlank()) {
			throw refused("empty");
		}
		if (file.length() > MAX_BYTES) {
			throw refused("tooLarge");
		}
		JsonNode root;
		try {
			root = JSON.readTree(file);
		}
		catch (JacksonException ex) {
			throw refused("notJson");
		}
		if (root == null || !root.isObject()) {
			throw refused("notJson");
		}
		return new Reader(root).definition();
	}

	/** The form in the documented format; {@link #parse} reads it back as it was. */
	public static String write(SurveyDefinition form) {
		var out = new LinkedHashMap<String, Object>();
		out.put("format", VERSION);
		out.put("key", form.key());
		out.put("kind", form.kind().name());
		out.put("validated", form.validated());
		out.put("title", texts(form.title()));
		putTexts(out, "introduction", form.introduction());
		putTexts(out, "source", form.source());
		putTexts(out, "terms", form.terms());
		var scales = new LinkedHashMap<String, Object>();
		form.scales().forEach((key, scale) -> {
			var s = new LinkedHashMap<String, Object>();
			s.put("min", scale.min());
			s.put("max", scale.max());
			s.put("labels", texts(scale.labels()));
			scales.put(key, s);
		});
		if (!scales.isEmpty()) {
			out.put("scales", scales);
		}
		var questions = new ArrayList<Object>();
		for (var q : form.questions()) {
			var o = new LinkedHashMap<String, Object>();
			o.put("key", q.key());
			o.put("type", q.type().name());
			o.put("text", texts(q.text()));
			if (q.scale() != null) {
				o.put("scale", q.scale());
			}
			if (q.reverse()) {
				o.put("reverse", true);
			}
			o.put("required", q.required());
			putTexts(o, "options", q.options());
			if (q.min() != null) {
				o.put("min", q.min());
			}
			if (q.max() != null) {
				o.put("max", q.max());
			}
			if (q.quotable()) {
				o.put("quotable", true);
			}
			questions.add(o);
		}
		out.put("questions", questions);
		if (form.scoring() != null) {
			var scoring = form.scoring();
			var o = new LinkedHashMap<String, Object>();
			o.put("method", scoring.method());
			o.put("items", scoring.items());
			putTexts(o, "label", scoring.label());
			var subscales = new ArrayList<Object>();
			for (var sub : scoring.subscales()) {
				var s = new LinkedHashMap<String, Object>();
				s.put("key", sub.key());
				s.put("label", texts(sub.label()));
				s.put("items", sub.items());
				s.put("reported", sub.reported());
				subscales.add(s);
			}
			if (!subscales.isEmpty()) {
				o.put("subscales", subscales);
			}
			out.put("scoring", o);
		}
		return JSON.writeValueAsString(out);
	}

	/** The languages a form is written in: those of its title. */
	public static Set<Language> languages(SurveyDefinition form) {
		return form.title().keySet();
	}

	private static void putTexts(Map<String, Object> out, String name, Map<Language, ?> texts) {
		if (texts != null && !texts.isEmpty()) {
			out.put(name, texts(texts));
		}
	}

	private static <T> Map<String, T> texts(Map<Language, T> texts) {
		var out = new LinkedHashMap<String, T>();
		for (var language : Language.values()) {
			if (texts.containsKey(language)) {
				out.put(language.code(), texts.get(language));
			}
		}
		return out;
	}

	static Refused refused(String problem) {
		return Refused.invalid("file", "feedback.format." + problem);
	}

	/** One file's reading: the languages its title claims bind every other text in it. */
	private static final class Reader {

		private final JsonNode root;

		private Set<Language> languages;

		Reader(JsonNode root) {
			this.root = root;
		}

		SurveyDefinition definition() {
			if (!VERSION.equals(string(root.get("format")))) {
				throw refused("version");
			}
			var key = string(root.get("key"));
			if (key == null || !FORM_KEY.matcher(key).matches()) {
				throw refused("key");
			}
			SurveyKind kind;
			try {
				kind = SurveyKind.valueOf(String.valueOf(string(root.get("kind"))));
			}
			catch (IllegalArgumentException ex) {
				throw refused("kind");
			}
			var titleNode = root.get("title");
			if (titleNode == null || !titleNode.isObject() || titleNode.isEmpty()) {
				throw refused("languages");
			}
			languages = new HashSet<>();
			for (var code : titleNode.propertyNames()) {
				languages.add(language(code));
			}
			var title = texts(titleNode, 200);
			var introduction = optionalTexts(root.get("introduction"), MAX_TEXT);
			var validated = bool(root.get("validated"), false);
			var source = optionalTexts(root.get("source"), MAX_TEXT);
			var terms = optionalTexts(root.get("terms"), MAX_TEXT);
			if (kind == SurveyKind.MEASURE && source.isEmpty()) {
				throw refused("source");
			}
			var scales = scales(root.get("scales"));
			var questions = questions(root.get("questions"), scales);
			var scoring = scoring(root.get("scoring"), questions);
			if (kind == SurveyKind.MEASURE && scoring == null) {
				throw refused("scoring");
			}
			return new SurveyDefinition(key, kind, title, introduction, validated, source, terms, scales, questions,
					scoring);
		}

		private Map<String, Scale> scales(JsonNode node) {
			var scales = new LinkedHashMap<String, Scale>();
			if (node == null || node.isNull()) {
				return scales;
			}
			if (!node.isObject()) {
				throw refused("scale");
			}
			for (var entry : node.properties()) {
				if (!ITEM_KEY.matcher(entry.getKey()).matches()) {
					throw refused("scaleKey");
				}
				var s = entry.getValue();
				if (!s.isObject()) {
					throw refused("scale");
				}
				var min = integer(s.get("min"), "scale");
				var max = integer(s.get("max"), "scale");
				if (min == null || max == null || min >= max || max - min + 1 > MAX_POINTS || min < -10 || max > 100) {
					throw refused("scaleRange");
				}
				var labels = lists(s.get("labels"), 200);
				if (labels.isEmpty()) {
					throw refused("text");
				}
				for (var list : labels.values()) {
					if (list.size() != max - min + 1) {
						throw refused("scaleLabels");
					}
				}
				scales.put(entry.getKey(), new Scale(min, max, labels));
			}
			return scales;
		}

		private List<Question> questions(JsonNode node, Map<String, Scale> scales) {
			if (node == null || !node.isArray() || node.isEmpty()) {
				throw refused("noQuestions");
			}
			if (node.size() > MAX_QUESTIONS) {
				throw refused("tooMany");
			}
			var questions = new ArrayList<Question>();
			var keys = new HashSet<String>();
			for (var q : node.values()) {
				if (!q.isObject()) {
					throw refused("question");
				}
				var key = string(q.get("key"));
				if (key == null || !ITEM_KEY.matcher(key).matches()) {
					throw refused("questionKey");
				}
				if (!keys.add(key)) {
					throw refused("duplicateKey");
				}
				QuestionType type;
				try {
					type = QuestionType.valueOf(String.valueOf(string(q.get("type"))));
				}
				catch (IllegalArgumentException ex) {
					throw refused("type");
				}
				var text = texts(q.get("text"), MAX_TEXT);
				var scale = string(q.get("scale"));
				var reverse = bool(q.get("reverse"), false);
				var required = bool(q.get("required"), false);
				var quotable = bool(q.get("quotable"), false);
				Map<Language, List<String>> options = Map.of();
				Integer min = null;
				Integer max = null;
				if (type == QuestionType.LIKERT) {
					if (scale == null || !scales.containsKey(scale)) {
						throw refused("unknownScale");
					}
				}
				else {
					if (scale != null) {
						throw refused("scaleNotLikert");
					}
					if (reverse) {
						throw refused("reverseNotLikert");
					}
				}
				if (type == QuestionType.SINGLE || type == QuestionType.MULTIPLE) {
					options = lists(q.get("options"), 500);
					int count = options.values().iterator().next().size();
					if (count < 2 || count > MAX_OPTIONS
							|| options.values().stream().anyMatch(list -> list.size() != count)) {
						throw refused("options");
					}
				}
				else if (q.has("options")) {
					throw refused("options");
				}
				if (type == QuestionType.NUMBER) {
					min = integer(q.get("min"), "numberBounds");
					max = integer(q.get("max"), "numberBounds");
					if (min != null && max != null && min > max) {
						throw refused("numberBounds");
					}
				}
				else if (q.has("min") || q.has("max")) {
					throw refused("numberBounds");
				}
				if (quotable && type != QuestionType.TEXT) {
					throw refused("quotableNotText");
				}
				questions.add(new Question(key, type, text, scale, reverse, required, options, min, max, quotable));
			}
			return List.copyOf(questions);
		}

		private Scoring scoring(JsonNode node, List<Question> questions) {
			if (node == null || node.isNull()) {
				if (questions.stream().anyMatch(Question::reverse)) {
					// reverse scoring means nothing without a score to reverse it in
					throw refused("reverseNotScored");
				}
				return null;
			}
			if (!node.isObject()) {
				throw refused("scoring");
			}
			var method = string(node.get("method"));
			if (!"MEAN".equals(method) && !"SUM".equals(method)) {
				throw refused("scoringMethod");
			}
			var items = items(node.get("items"), questions);
			if (items.isEmpty()) {
				throw refused("scoring");
			}
			for (var q : questions) {
				if (q.reverse() && !items.contains(q.key())) {
					throw refused("reverseNotScored");
				}
			}
			var label = optionalTexts(node.get("label"), 200);
			var subscales = new ArrayList<Subscale>();
			var sub = node.get("subscales");
			if (sub != null && !sub.isNull()) {
				if (!sub.isArray()) {
					throw refused("subscale");
				}
				var keys = new HashSet<String>();
				for (var s : sub.values()) {
					if (!s.isObject()) {
						throw refused("subscale");
					}
					var key = string(s.get("key"));
					if (key == null || !ITEM_KEY.matcher(key).matches() || !keys.add(key)) {
						throw refused("subscale");
					}
					var subItems = items(s.get("items"), questions);
					if (subItems.isEmpty()) {
						throw refused("subscale");
					}
					subscales
						.add(new Subscale(key, texts(s.get("label"), 200), subItems, bool(s.get("reported"), true)));
				}
			}
			return new Scoring(method, items, label, List.copyOf(subscales));
		}

		/** Scored item keys: each a LIKERT question of the form, once. */
		private List<String> items(JsonNode node, List<Question> questions) {
			if (node == null || !node.isArray()) {
				throw refused("scoring");
			}
			var items = new ArrayList<String>();
			for (var i : node.values()) {
				var key = string(i);
				var question = questions.stream().filter(q -> q.key().equals(key)).findFirst();
				if (question.isEmpty()) {
					throw refused("unknownItem");
				}
				if (question.get().type() != QuestionType.LIKERT) {
					throw refused("scoredNotLikert");
				}
				if (items.contains(key)) {
					throw refused("duplicateKey");
				}
				items.add(key);
			}
			return List.copyOf(items);
		}

		private Map<Language, String> optionalTexts(JsonNode node, int max) {
			if (node == null || node.isNull()) {
				return Map.of();
			}
			return texts(node, max);
		}

		/** A text in exactly the form's languages, none blank. */
		private Map<Language, String> texts(JsonNode node, int max) {
			if (node == null || !node.isObject()) {
				throw refused("text");
			}
			var texts = new EnumMap<Language, String>(Language.class);
			for (var entry : node.properties()) {
				var text = string(entry.getValue());
				if (text == null || text.isBlank()) {
					throw refused("text");
				}
				texts.put(language(entry.getKey()), text(text, max));
			}
			if (!texts.keySet().equals(languages)) {
				throw refused("text");
			}
			return texts;
		}

		/** A list of texts per language, each list as long as the others. */
		private Map<Language, List<String>> lists(JsonNode node, int max) {
			if (node == null || !node.isObject()) {
				throw refused("text");
			}
			var lists = new EnumMap<Language, List<String>>(Language.class);
			for (var entry : node.properties()) {
				if (!entry.getValue().isArray()) {
					throw refused("text");
				}
				var list = new ArrayList<String>();
				for (var item : entry.getValue().values()) {
					var text = string(item);
					if (text == null || text.isBlank()) {
						throw refused("text");
					}
					list.add(text(text, max));
				}
				lists.put(language(entry.getKey()), List.copyOf(list));
			}
			if (!lists.keySet().equals(languages)) {
				throw refused("text");
			}
			return lists;
		}

		private static Language language(String code) {
			// lower-case codes only, as documented: "EN" is as wrong as "de"
			return Language.fromCode(code).filter(l -> l.code().equals(code)).orElseThrow(() -> refused("language"));
		}

		private static String text(String text, int max) {
			if (text.length() > max) {
				throw refused("textTooLong");
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r' || Character.isSurrogate(c)
						&& !(Character.isHighSurrogate(c) && i + 1 < text.length()
								&& Character.isLowSurrogate(text.charAt(i + 1)))
						&& !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
					throw refused("text");
				}
			}
			return text.strip();
		}

		private static String string(JsonNode node) {
			return node != null && node.isString() ? node.stringValue() : null;
		}

		private static boolean bool(JsonNode node, boolean otherwise) {
			if (node == null || node.isNull()) {
				return otherwise;
			}
			if (!node.isBoolean()) {
				throw refused("boolean");
			}
			return node.booleanValue();
		}

		private static Integer integer(JsonNode node, String problem) {
			if (node == null || node.isNull()) {
				return null;
			}
			if (!node.isIntegralNumber() || !node.canConvertToInt()) {
				throw refused(problem);
			}
			return node.intValue();
		}

	}

}
