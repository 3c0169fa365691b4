package app.kindred.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a writing transaction may take from a shared cache: what it did not change itself,
 * never what it did; and it keeps nothing it read. On H2 (no NOTIFY) values are kept for
 * a second, which these tests stay well within.
 */
class SharedCacheTests {

	private SharedCache<String, String> cache;

	private TransactionTemplate writing;

	private final AtomicInteger loads = new AtomicInteger();

	@BeforeEach
	void setUp() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:shared-cache-" + System.nanoTime());
		var properties = new DataSourceProperties();
		properties.setUrl(dataSource.getURL());
		cache = new SharedCaches(JdbcClient.create(dataSource), properties).create("test", 10);
		writing = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	private String load(String key) {
		return cache.get(key, () -> {
			loads.incrementAndGet();
			return "stored " + key;
		});
	}

	private static void inAnotherThread(Runnable read) {
		var thread = Thread.ofPlatform().start(read);
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aWritingTransactionReadsWhatItDidNotChangeFromTheCacheAndKeepsNothing() {
		load("a");
		loads.set(0);

		writing.executeWithoutResult(status -> {
			assertThat(load("a")).isEqualTo("stored a");
			assertThat(loads).hasValue(0);
			load("b");
			load("b");
		});

		assertThat(loads).as("b was read twice in the transaction and kept by neither read").hasValue(2);
		load("b");
		assertThat(loads).hasValue(3);
	}

	@Test
	void aWritingTransactionReadsWhatItChangedFromTheDatabase() {
		load("a");
		load("b");
		loads.set(0);

		writing.executeWithoutResult(status -> {
			cache.forget("a");
			// Another request reads the value committed before this change, and keeps it
			inAnotherThread(() -> load("a"));
			assertThat(loads).hasValue(1);
			load("a");
			assertThat(loads).as("a, which it changed").hasValue(2);
			load("b");
			assertThat(loads).as("b, which it did not").hasValue(2);
			cache.forgetAll();
			inAnotherThread(() -> load("b"));
			load("b");
			assertThat(loads).as("b, after it changed every entry").hasValue(4);
		});

		load("a");
		assertThat(loads).as("dropped when the change ended").hasValue(5);
		writing.executeWithoutResult(status -> load("a"));
		assertThat(loads).as("the next transaction changed nothing").hasValue(5);
	}

}
