package app.kindred.core.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

/**
 * The page that asks before an action that tells people by e-mail, saying how many will
 * be told ({@code core/confirm.html}). Its button sends the same form again with
 * {@code confirmed=true} and the values that were checked, so the page works without
 * JavaScript; its other link goes back without changing anything. Controllers check the
 * form first (bad input still comes back at its field), then ask the service how many its
 * action would tell, from the same code that tells them.
 */
public final class Confirmation {

	/** A message key with its arguments, resolved in the reader's language. */
	public record Text(String key, Object[] args) {

		public static Text of(String key, Object... args) {
			return new Text(key, args);
		}

	}

	private final Text title;

	private final List<Text> details = new ArrayList<>();

	private final Map<String, String> fields = new LinkedHashMap<>();

	private int told;

	private Text toldWho;

	private String button;

	private String action;

	private String back;

	private Text backText;

	private Confirmation(Text title) {
		this.title = title;
	}

	/** A confirmation with this heading. */
	public static Confirmation ask(String key, Object... args) {
		return new Confirmation(Text.of(key, args));
	}

	/** A sentence saying what the action will do. */
	public Confirmation detail(String key, Object... args) {
		details.add(Text.of(key, args));
		return this;
	}

	/**
	 * How many people will be told, and who they are ({@code key} completes "N people
	 * will be told by e-mail:").
	 */
	public Confirmation told(int count, String key, Object... args) {
		this.told = count;
		this.toldWho = Text.of(key, args);
		return this;
	}

	/**
	 * The button that confirms, sent to {@code action}; its text gets the number told as
	 * its first argument.
	 */
	public Confirmation confirm(String action, String key) {
		this.action = action;
		this.button = key;
		return this;
	}

	/** A value the confirmed request sends again; null values are left out. */
	public Confirmation field(String name, String value) {
		if (value != null) {
			fields.put(name, value);
		}
		return this;
	}

	/** Where "cancel" goes, changing nothing. */
	public Confirmation back(String href, String key, Object... args) {
		this.back = href;
		this.backText = Text.of(key, args);
		return this;
	}

	/** Puts the page in the model and names its view. */
	public String show(Model model) {
		if (toldWho == null || button == null || back == null) {
			throw new IllegalStateException("a confirmation says who is told, how to confirm and how to go back");
		}
		model.addAttribute("confirmation", this);
		return "core/confirm";
	}

	public Text title() {
		return title;
	}

	public List<Text> details() {
		return List.copyOf(details);
	}

	public Map<String, String> fields() {
		return Collections.unmodifiableMap(fields);
	}

	public int told() {
		return told;
	}

	public Text toldWho() {
		return toldWho;
	}

	public Text button() {
		return Text.of(button, told);
	}

	public String action() {
		return action;
	}

	public String back() {
		return back;
	}

	public Text backText() {
		return backText;
	}

}
