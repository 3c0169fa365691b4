package app.kindred.core;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What pages read on every request and people change seldom (a programme's public view,
 * its calls' forms, the organisations a person staffs), kept in this instance's memory
 * and dropped on every instance when any of them changes it: {@link #forget} drops the
 * entry here once the change commits and tells the other instances through the database
 * ({@link SharedCaches}). Made by {@link SharedCaches#create}.
 *
 * <p>
 * A read that began before a change committed must not put the old value back after the
 * change dropped it: every drop moves the cache's epoch on, and a value read across a
 * drop is returned but not kept; a transaction that writes never fills the cache, and
 * reads from it only what it has not changed itself (see {@link #get}). While the
 * instance cannot hear the others (its listening connection is down) nothing is kept and
 * every read goes to the database.
 */
public final class SharedCache<K, V> {

	private record Entry<V>(V value, long readAtNanos) {
	}

	private final String name;

	private final int maxEntries;

	private final SharedCaches owner;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong epoch = new AtomicLong();

	SharedCache(String name, int maxEntries, SharedCaches owner) {
		this.name = name;
		this.maxEntries = maxEntries;
		this.owner = owner;
	}

	/**
	 * The value kept for {@code key}, or {@code load}'s, kept unless it is null or a
	 * change was dropped while it was read.
	 */
	public V get(K key, Supplier<V> load) {
		var keep = owner.keepFor();
		if (keep.isZero()) {
			return load.get();
		}
		var known = entries.get(key);
		boolean fresh = known != null && System.nanoTime() - known.readAtNanos() < keep.toNanos();
		if (inWritingTransaction()) {
			// What it changed it must see as changed, which nobody else may see before it
			// commits: those it reads from the database, and it keeps nothing it read.
			// What it did not change (a mail listener reading the programme it writes
			// about) is as current here as anywhere.
			return fresh && !forgottenInThisTransaction(key) ? known.value() : load.get();
		}
		if (fresh) {
			return known.value();
		}
		long before = epoch.get();
		long readAt = System.nanoTime();
		var value = load.get();
		if (value != null && epoch.get() == before) {
			if (entries.size() >= maxEntries) {
				entries.clear();
			}
			entries.put(key, new Entry<>(value, readAt));
		}
		return value;
	}

	private static boolean inWritingTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/**
	 * Drops {@code key} here now and again when the current transaction ends (at once
	 * without one), and on the other instances when it commits.
	 */
	public void forget(K key) {
		owner.announce(name, String.valueOf(key));
		rememberInThisTransaction(String.valueOf(key));
		dropOnCompletion(() -> dropLocally(String.valueOf(key)));
	}

	/** As {@link #forget}, for every entry (a change that many entries show). */
	public void forgetAll() {
		owner.announce(name, SharedCaches.EVERY_KEY);
		rememberInThisTransaction(SharedCaches.EVERY_KEY);
		dropOnCompletion(this::clear);
	}

	/**
	 * The keys this transaction changed, bound to it under this cache until it ends.
	 */
	private void rememberInThisTransaction(String key) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		var changed = changedInThisTransaction();
		if (changed == null) {
			changed = new HashSet<>();
			TransactionSynchronizationManager.bindResource(this, changed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(SharedCache.this);
				}
			});
		}
		changed.add(key);
	}

	private boolean forgottenInThisTransaction(K key) {
		var changed = changedInThisTransaction();
		return changed != null && (changed.contains(SharedCaches.EVERY_KEY) || changed.contains(String.valueOf(key)));
	}

	@SuppressWarnings("unchecked")
	private Set<String> changedInThisTransaction() {
		return (Set<String>) TransactionSynchronizationManager.getResource(this);
	}

	String name() {
		return name;
	}

	/**
	 * Drops the entries whose key reads {@code key}; changes are rare, the scan small.
	 */
	void dropLocally(String key) {
		if (SharedCaches.EVERY_KEY.equals(key)) {
			clear();
			return;
		}
		epoch.incrementAndGet();
		entries.keySet().removeIf(k -> String.valueOf(k).equals(key));
	}

	void clear() {
		epoch.incrementAndGet();
		entries.clear();
	}

	private static void dropOnCompletion(Runnable drop) {
		drop.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					drop.run();
				}
			});
		}
	}

}
