package org.entente.journal.internal.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a child JVM by {@link DurabilityTest}: writes lines as fast as it can, syncing every 50 ms, and prints
 * « durable N » each time more lines are durable, until it is killed.
 */
public final class CrashingWriter {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		JournalStore store = StoreFixture.open(dir, 64 * 1024);
		JournalWriter w = new JournalWriter(store, Duration.ofMillis(50), Duration.ofMillis(200), 64, Clock.systemUTC());
		long next = store.size();
		long reported = -1;
		while (true) {
			w.submit(StoreFixture.lines(next, next + 100));
			next += 100;
			long d = store.durableSize();
			if (d != reported) {
				System.out.println("durable " + d);
				System.out.flush();
				reported = d;
			}
		}
	}
}
