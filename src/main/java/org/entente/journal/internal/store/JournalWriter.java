package org.entente.journal.internal.store;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the store. Receivers hand it batches of prepared lines through a bounded queue: when
 * the disk falls behind, {@link #submit} blocks, the receiving thread stops reading its socket and TCP slows the
 * sender (back-pressure, no drop). It syncs to disk at most every {@code syncInterval} (the loss window under a crash:
 * lines received less than that before the crash may be lost, older ones are durable) and signs a tree head at least
 * every {@code headInterval}.
 */
public final class JournalWriter implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

	private final JournalStore store;
	private final Duration syncInterval;
	private final Duration headInterval;
	private final Clock clock;
	private final BlockingQueue<Object> queue;
	private final Thread thread;
	private final AtomicLong submitted = new AtomicLong();
	private final AtomicReference<Throwable> failure = new AtomicReference<>();
	private volatile boolean running = true;

	public JournalWriter(JournalStore store, Duration syncInterval, Duration headInterval, int queueBatches, Clock clock) {
		this.store = store;
		this.syncInterval = syncInterval;
		this.headInterval = headInterval;
		this.clock = clock;
		this.queue = new ArrayBlockingQueue<>(queueBatches);
		this.thread = new Thread(this::run, "journal-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	public JournalStore store() {
		return store;
	}

	/** Queues lines for writing, waiting while the queue is full (back-pressure). */
	public void submit(List<Incoming> lines) throws InterruptedException {
		if (lines.isEmpty()) {
			return;
		}
		Throwable f = failure.get();
		if (f != null) {
			throw new IllegalStateException("the journal writer stopped: " + f.getMessage(), f);
		}
		submitted.addAndGet(lines.size());
		queue.put(lines);
	}

	/** Queues lines unless the queue is full; false when full (UDP: the caller counts a drop). */
	public boolean offer(List<Incoming> lines) {
		if (failure.get() != null || !queue.offer(lines)) {
			return false;
		}
		submitted.addAndGet(lines.size());
		return true;
	}

	/** Runs work on the writing thread (a purge, a tree head now), after what is already queued. */
	public <T> CompletableFuture<T> call(Function<JournalStore, T> work) {
		CompletableFuture<T> f = new CompletableFuture<>();
		Runnable r = () -> {
			try {
				f.complete(work.apply(store));
			}
			catch (RuntimeException e) {
				f.completeExceptionally(e);
			}
		};
		try {
			queue.put(r);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			f.completeExceptionally(e);
		}
		return f;
	}

	public long submitted() {
		return submitted.get();
	}

	public int queued() {
		return queue.size();
	}

	@SuppressWarnings("unchecked")
	private void run() {
		long lastSync = System.nanoTime();
		long lastHead = System.nanoTime() - headInterval.toNanos();
		List<Object> drained = new ArrayList<>();
		try {
			while (running || !queue.isEmpty()) {
				long untilSync = syncInterval.toNanos() - (System.nanoTime() - lastSync);
				Object first = queue.poll(Math.max(1, Math.min(untilSync, syncInterval.toNanos())), TimeUnit.NANOSECONDS);
				if (first != null) {
					drained.add(first);
					queue.drainTo(drained, 256);
					for (Object o : drained) {
						if (o instanceof List<?> l) {
							store.append((List<Incoming>) l);
						}
						else {
							((Runnable) o).run();
						}
					}
					drained.clear();
				}
				long now = System.nanoTime();
				if (now - lastSync >= syncInterval.toNanos()) {
					store.sync();
					lastSync = now;
				}
				if (now - lastHead >= headInterval.toNanos()) {
					store.signTreeHead(clock.millis());
					lastHead = now;
				}
			}
			store.signTreeHead(clock.millis());
		}
		catch (IOException | RuntimeException e) {
			failure.set(e);
			log.error("The journal writer stopped: lines are no longer stored", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	public Throwable failure() {
		return failure.get();
	}

	/** Writes what is queued, syncs, signs a last tree head and closes the store. */
	@Override
	public void close() throws IOException {
		running = false;
		try {
			thread.join(30_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		store.close();
	}
}
