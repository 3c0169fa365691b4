package app.kindred.grouping.internal;

import java.util.Arrays;

/**
 * Dinic's maximum flow on a small fixed graph whose capacities change between runs.
 * {@link #augment} continues from the flow there is, so raising capacities and augmenting
 * again keeps every edge that was saturated towards the sink saturated (an augmenting
 * path never sends flow back out of the sink).
 */
final class MaxFlow {

	private final int nodes;

	private int edges;

	private int[] head;

	private int[] next;

	private int[] to;

	private int[] capacity;

	private int[] flow;

	private final int[] level;

	private final int[] cursor;

	private final int[] queue;

	/** While {@link #mark} is on: each changed edge and its flow before. */
	private int[] log = new int[64];

	private int logged;

	private boolean logging;

	private int total;

	private int totalBefore;

	MaxFlow(int nodes, int expectedEdges) {
		this.nodes = nodes;
		this.head = new int[nodes];
		Arrays.fill(head, -1);
		int slots = Math.max(4, 2 * expectedEdges);
		this.next = new int[slots];
		this.to = new int[slots];
		this.capacity = new int[slots];
		this.flow = new int[slots];
		this.level = new int[nodes];
		this.cursor = new int[nodes];
		this.queue = new int[nodes];
	}

	/** Adds an edge and its reverse; returns the edge's id. */
	int addEdge(int from, int target, int cap) {
		if (edges + 2 > to.length) {
			int size = to.length * 2;
			next = Arrays.copyOf(next, size);
			to = Arrays.copyOf(to, size);
			capacity = Arrays.copyOf(capacity, size);
			flow = Arrays.copyOf(flow, size);
		}
		int id = edges;
		link(from, target, cap);
		link(target, from, 0);
		return id;
	}

	private void link(int from, int target, int cap) {
		to[edges] = target;
		capacity[edges] = cap;
		next[edges] = head[from];
		head[from] = edges++;
	}

	void setCapacity(int edge, int cap) {
		capacity[edge] = cap;
	}

	int flow(int edge) {
		return flow[edge];
	}

	int capacity(int edge) {
		return capacity[edge];
	}

	/** The value of the current flow. */
	int total() {
		return total;
	}

	void clearFlow() {
		Arrays.fill(flow, 0, edges, 0);
		total = 0;
	}

	/** From now on, remembers every change so that {@link #rollback} can undo them. */
	void mark() {
		logging = true;
		logged = 0;
		totalBefore = total;
	}

	/** Keeps the changes since {@link #mark}. */
	void commit() {
		logging = false;
		logged = 0;
	}

	/** Undoes every change since {@link #mark}: flows and capacities. */
	void rollback() {
		for (int i = logged - 3; i >= 0; i -= 3) {
			int edge = log[i];
			if (log[i + 2] == 0) {
				flow[edge] = log[i + 1];
				flow[edge ^ 1] = -log[i + 1];
			}
			else {
				capacity[edge] = log[i + 1];
			}
		}
		total = totalBefore;
		logging = false;
		logged = 0;
	}

	private void remember(int edge, int value, int kind) {
		if (!logging) {
			return;
		}
		if (logged + 3 > log.length) {
			log = Arrays.copyOf(log, log.length * 2);
		}
		log[logged++] = edge;
		log[logged++] = value;
		log[logged++] = kind;
	}

	private void addFlow(int edge, int amount) {
		remember(edge & ~1, flow[edge & ~1], 0);
		flow[edge] += amount;
		flow[edge ^ 1] -= amount;
	}

	/**
	 * Sets the capacity of an edge into {@code sink}; flow above the new capacity is sent
	 * back towards the source along the paths that brought it (the flow there is, less
	 * that much).
	 */
	void setSinkCapacity(int edge, int cap, int source) {
		remember(edge, capacity[edge], 1);
		capacity[edge] = cap;
		int excess = flow[edge] - cap;
		if (excess > 0) {
			addFlow(edge, -excess);
			total -= excess;
			cancel(to[edge ^ 1], excess, source);
		}
	}

	/**
	 * Takes {@code amount} of flow out of a node by lowering the flow on edges that bring
	 * it.
	 */
	private void cancel(int node, int amount, int source) {
		if (node == source) {
			return;
		}
		for (int e = head[node]; e >= 0 && amount > 0; e = next[e]) {
			// e leaves node; the edge into node is e ^ 1, carrying flow when flow[e] < 0.
			if (flow[e] < 0) {
				int take = Math.min(amount, -flow[e]);
				addFlow(e ^ 1, -take);
				cancel(to[e], take, source);
				amount -= take;
			}
		}
	}

	/** Augments the current flow to a maximum one; returns how much was added. */
	int augment(int source, int sink) {
		int added = 0;
		while (levels(source, sink)) {
			System.arraycopy(head, 0, cursor, 0, nodes);
			int pushed;
			while ((pushed = push(source, sink, Integer.MAX_VALUE)) > 0) {
				added += pushed;
			}
		}
		total += added;
		return added;
	}

	private boolean levels(int source, int sink) {
		Arrays.fill(level, -1);
		int read = 0;
		int write = 0;
		queue[write++] = source;
		level[source] = 0;
		while (read < write) {
			int node = queue[read++];
			for (int e = head[node]; e >= 0; e = next[e]) {
				int target = to[e];
				if (level[target] < 0 && capacity[e] - flow[e] > 0) {
					level[target] = level[node] + 1;
					queue[write++] = target;
				}
			}
		}
		return level[sink] >= 0;
	}

	private int push(int node, int sink, int limit) {
		if (node == sink) {
			return limit;
		}
		for (; cursor[node] >= 0; cursor[node] = next[cursor[node]]) {
			int e = cursor[node];
			int target = to[e];
			int residual = capacity[e] - flow[e];
			if (residual > 0 && level[target] == level[node] + 1) {
				int pushed = push(target, sink, Math.min(limit, residual));
				if (pushed > 0) {
					addFlow(e, pushed);
					return pushed;
				}
			}
		}
		return 0;
	}

}
