package app.kindred.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link SharedCache}s and keeps them right across instances. On PostgreSQL a
 * change announces itself with {@code NOTIFY} inside its own transaction, so the database
 * delivers it exactly when, and only if, the change commits; every instance LISTENs on a
 * connection of its own and drops what the others changed. Values are then kept until
 * changed, and for a minute at most: a change made past the owner's methods (an
 * organisation renamed, which programmes show) is seen within that. While that connection
 * is down an instance cannot know what it missed: it keeps nothing until it listens
 * again, and then starts empty.
 *
 * <p>
 * On H2 (development, tests) there is no {@code NOTIFY}: values are kept for one second,
 * so a second instance on the same file sees a change within that.
 */
@Component
public class SharedCaches implements SmartLifecycle {

	static final String EVERY_KEY = "*";

	private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

	private static final String CHANNEL = "kindred_cache";

	private static final Duration WITHOUT_NOTIFY = Duration.ofSeconds(1);

	private static final Duration UNTIL_CHANGED = Duration.ofMinutes(1);

	private final List<SharedCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	private final JdbcClient jdbc;

	private final DataSourceProperties database;

	private final boolean postgres;

	private volatile boolean listening;

	private volatile Thread listener;

	private volatile Connection connection;

	SharedCaches(JdbcClient jdbc, DataSourceProperties database) {
		this.jdbc = jdbc;
		this.database = database;
		this.postgres = String.valueOf(database.determineUrl()).startsWith("jdbc:postgresql:");
	}

	/** A new cache; {@code name} is what changes announce, unique per cache. */
	public <K, V> SharedCache<K, V> create(String name, int maxEntries) {
		var cache = new SharedCache<K, V>(name, maxEntries, this);
		caches.add(cache);
		return cache;
	}

	/** How long a value may be kept now; zero: not at all. */
	Duration keepFor() {
		if (!postgres) {
			return WITHOUT_NOTIFY;
		}
		return listening ? UNTIL_CHANGED : Duration.ZERO;
	}

	/** Tells every instance, once the current transaction commits, that this changed. */
	void announce(String cache, String key) {
		if (postgres) {
			jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, cache + " " + key).query().listOfRows();
		}
	}

	private void dispatch(String payload) {
		int space = payload.indexOf(' ');
		if (space < 0) {
			return;
		}
		var name = payload.substring(0, space);
		var key = payload.substring(space + 1);
		for (var cache : caches) {
			if (cache.name().equals(name)) {
				cache.dropLocally(key);
			}
		}
	}

	private void listen() {
		long backoff = 200;
		while (!Thread.currentThread().isInterrupted()) {
			try (var listening = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
					database.determinePassword())) {
				connection = listening;
				try (var statement = listening.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				// Whatever changed while nobody listened is unknown: start empty
				caches.forEach(SharedCache::clear);
				this.listening = true;
				backoff = 200;
				var notifications = listening.unwrap(PGConnection.class);
				while (!Thread.currentThread().isInterrupted()) {
					var received = notifications.getNotifications(10_000);
					if (received == null) {
						continue;
					}
					for (var notification : received) {
						dispatch(notification.getParameter());
					}
				}
			}
			catch (SQLException e) {
				if (Thread.currentThread().isInterrupted()) {
					break;
				}
				if (this.listening) {
					log.warn("Not listening for other instances' changes ({}); caching nothing until it is back",
							e.getMessage());
				}
			}
			finally {
				this.listening = false;
				caches.forEach(SharedCache::clear);
			}
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			backoff = Math.min(backoff * 2, 10_000);
		}
	}

	@Override
	public void start() {
		if (postgres && listener == null) {
			listener = Thread.ofPlatform().daemon().name("shared-caches").start(this::listen);
		}
	}

	@Override
	public void stop() {
		var running = listener;
		listener = null;
		if (running != null) {
			running.interrupt();
			var open = connection;
			if (open != null) {
				try {
					open.close(); // ends a wait in getNotifications
				}
				catch (SQLException e) {
					// closing anyway
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return listener != null;
	}

}
