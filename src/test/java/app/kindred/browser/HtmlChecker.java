package app.kindred.browser;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (the engine of validator.w3.org/nu and of {@code vnu.jar}), run
 * in-process on HTML as the server sent it. Its schemas are inside its jar, so it reads
 * nothing from the network. Setting it up reads the schemas, which takes seconds, so one
 * is shared by every test in the JVM and checks one document at a time.
 *
 * <p>
 * Maven copies its jars to {@code target/nu-validator} (pom.xml says why they are not on
 * the class path), and it runs in a class loader of its own that looks in them first. It
 * is called through reflection; what passes between it and this class (SAX's error
 * handler, input source and exceptions) is the JDK's, the same on both sides.
 */
final class HtmlChecker {

	/** One error the checker found: where, what, and the source line it is on. */
	record Error(int line, int column, String message, String extract) {

		@Override
		public String toString() {
			return "  line " + line + ", column " + column + ": " + message + "\n      " + extract;
		}

	}

	static final Path JARS = Path.of("target", "nu-validator");

	/** The schema vnu itself checks HTML with: HTML with SVG, MathML and ARIA. */
	private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

	private static HtmlChecker shared;

	private final Object validator;

	private final Method check;

	private final List<SAXParseException> found = new ArrayList<>();

	private HtmlChecker() {
		// Errors only: warnings (a section without a heading, say) are advice, not
		// failures
		ErrorHandler collect = new ErrorHandler() {
			@Override
			public void warning(SAXParseException e) {
			}

			@Override
			public void error(SAXParseException e) {
				found.add(e);
			}

			@Override
			public void fatalError(SAXParseException e) {
				found.add(e);
			}
		};
		try {
			var loader = new OwnJarsFirst(jars());
			var type = loader.loadClass("nu.validator.validation.SimpleDocumentValidator");
			// log4j set up by the checker, no URLs logged, no language detection: the
			// pages say their language in <html lang>, and short pages fool the guess
			this.validator = type.getConstructor(boolean.class, boolean.class, boolean.class)
				.newInstance(true, false, false);
			type.getMethod("setUpMainSchema", String.class, ErrorHandler.class).invoke(validator, SCHEMA, collect);
			// buffered, not streamed; no external entities
			type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
				.invoke(validator, collect, true, false);
			this.check = type.getMethod("checkHtmlInputSource", InputSource.class);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("The HTML checker could not start", e);
		}
	}

	private static URL[] jars() {
		try (var files = Files.list(JARS)) {
			var urls = new ArrayList<URL>();
			for (var jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
				urls.add(jar.toUri().toURL());
			}
			if (urls.isEmpty()) {
				throw new IllegalStateException("No jars in " + JARS.toAbsolutePath());
			}
			return urls.toArray(URL[]::new);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The HTML checker's jars are copied to " + JARS.toAbsolutePath()
					+ " by Maven's generate-test-resources phase (pom.xml, maven-dependency-plugin)", e);
		}
	}

	static synchronized HtmlChecker shared() {
		if (shared == null) {
			shared = new HtmlChecker();
		}
		return shared;
	}

	/** The errors in this HTML document, in the order the checker met them. */
	synchronized List<Error> errors(String html) {
		found.clear();
		try {
			check.invoke(validator, new InputSource(new StringReader(html)));
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
		catch (InvocationTargetException e) {
			// A fatal error stops the parser with a SAXException; it is already among
			// those found
			if (!(e.getCause() instanceof SAXException) || found.isEmpty()) {
				throw new IllegalStateException("The HTML checker failed", e.getCause());
			}
		}
		var lines = html.split("\n", -1);
		return found.stream()
			.map(e -> new Error(e.getLineNumber(), e.getColumnNumber(), e.getMessage(), extract(lines, e)))
			.toList();
	}

	/** Up to 60 characters either side of where the error is, on its line. */
	private static String extract(String[] lines, SAXParseException e) {
		int line = e.getLineNumber();
		if (line < 1 || line > lines.length) {
			return "";
		}
		var text = lines[line - 1];
		int column = Math.max(0, Math.min(text.length(), e.getColumnNumber() - 1));
		return text.substring(Math.max(0, column - 60), Math.min(text.length(), column + 60)).strip();
	}

	/**
	 * Finds a class in the checker's own jars before the tests' class path, so their
	 * Jetty 11 wins over anything of the same name there; the JDK's classes always come
	 * from the JDK.
	 */
	private static final class OwnJarsFirst extends URLClassLoader {

		OwnJarsFirst(URL[] jars) {
			super("nu-validator", jars, HtmlChecker.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				var loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = fromJdk(name);
				}
				if (loaded == null) {
					try {
						loaded = findClass(name);
					}
					catch (ClassNotFoundException e) {
						// not in the checker's jars: from the tests' class path
						loaded = getParent().loadClass(name);
					}
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		private static Class<?> fromJdk(String name) {
			try {
				return getPlatformClassLoader().loadClass(name);
			}
			catch (ClassNotFoundException e) {
				return null;
			}
		}

	}

}
