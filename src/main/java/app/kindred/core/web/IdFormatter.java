package app.kindred.core.web;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.format.Formatter;

/**
 * Binds a module's typed id straight from a path or a parameter, so that controllers take
 * {@code @PathVariable ProgrammeId id} and never wrap a UUID by hand. A module declares
 * one small {@code @Component} subclass per id; text that is no UUID fails to bind, which
 * pages answer with 404 and the API with a problem detail.
 */
public abstract class IdFormatter<T> implements Formatter<T> {

	private final Function<UUID, T> wrap;

	private final Function<T, UUID> unwrap;

	protected IdFormatter(Function<UUID, T> wrap, Function<T, UUID> unwrap) {
		this.wrap = wrap;
		this.unwrap = unwrap;
	}

	@Override
	public T parse(String text, Locale locale) {
		return wrap.apply(UUID.fromString(text));
	}

	@Override
	public String print(T id, Locale locale) {
		return unwrap.apply(id).toString();
	}

}
