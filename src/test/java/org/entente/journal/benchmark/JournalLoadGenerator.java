package org.entente.journal.benchmark;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.intake.SyslogReceivers;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.JournalWriter;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.StoreOptions;

/**
 * Load generator (a benchmark, not a test): a journal receiver (store, Merkle tree, signed heads, fsync every 200 ms)
 * and local TCP senders in one JVM, each sender writing RFC 5424 proxy lines as fast as the receiver takes them
 * (back-pressure). Prints lines/s per second and sustained, then the first-page search latency on what was stored.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.entente.journal.benchmark.JournalLoadGenerator \
 *   --seconds=60 --senders=2 [--dir=/tmp/journal-bench] [--searches=200] [--parser=reference]
 * </pre>
 */
public final class JournalLoadGenerator {

	public static void main(String[] args) throws Exception {
		int seconds = intArg(args, "seconds", 60);
		int senders = intArg(args, "senders", 2);
		int searches = intArg(args, "searches", 200);
		Path dir = Path.of(arg(args, "dir", Files.createTempDirectory("journal-bench").toString()));
		// --parser=reference: the String and DateTimeFormatter parser of before the byte paths, to compare in one session
		SyslogParser parser = "reference".equals(arg(args, "parser", "bytes")) ? SyslogParser.reference(ZoneId.of("Europe/Paris"))
				: new SyslogParser(ZoneId.of("Europe/Paris"));
		// the indexer reads stored lines again only to rebuild (recovery, lines per key); intake parses as it receives
		JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(256L << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> parser.parse(l.raw(), 0, l.raw().length));
		JournalWriter writer = new JournalWriter(store, Duration.ofMillis(200), Duration.ofSeconds(5), 4096, Clock.systemUTC());
		// 59 collèges: sender 10.35.n.x is collège n (the receiver sees 127.0.0.1; the UAI is written in the host field)
		SyslogReceivers receivers = new SyslogReceivers(writer, parser, a -> "0359901X",
				new SyslogReceivers.Limits(65536, Duration.ofMinutes(2), 64));
		int port = receivers.startTcp(InetAddress.getLoopbackAddress(), 0, null, false);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong sent = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			int id = s;
			Thread t = new Thread(() -> send(port, id, running, sent), "sender-" + s);
			t.start();
			threads.add(t);
		}
		long start = System.nanoTime();
		long before = store.size();
		long last = before;
		for (int i = 1; i <= seconds; i++) {
			Thread.sleep(1000);
			long now = store.size();
			System.out.printf("t=%3ds stored %,d lines/s (durable %,d, queue %d)%n", i, now - last, store.durableSize(), writer.queued());
			last = now;
		}
		long elapsed = System.nanoTime() - start;
		long stored = store.size() - before;
		running.set(false);
		for (Thread t : threads) {
			t.join();
		}
		System.out.printf("SUSTAINED %,d lines in %.1f s = %,.0f lines/s (senders %d; sent %,d)%n", stored, elapsed / 1e9,
				stored / (elapsed / 1e9), senders, sent.get());
		System.out.printf("store: %,d lines, %d segments, %,d bytes on disk%n", store.size(), store.segmentInfos().size(),
				store.segmentInfos().stream().mapToLong(JournalStore.SegmentInfo::bytes).sum());
		// back-pressure, not loss: what the senders wrote before closing is all stored once the receivers have read it
		long deadline = System.nanoTime() + 60_000_000_000L;
		long seen = -1;
		while (store.size() - before < sent.get() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			if (store.size() == seen && writer.queued() == 0) {
				break;
			}
			seen = store.size();
		}
		receivers.close();
		writer.close();
		System.out.printf("after the senders closed: %,d lines stored of %,d sent (%,d missing)%n", store.size() - before,
				sent.get(), sent.get() - (store.size() - before));
		System.out.println("searches: see JournalSearchBenchmark (needs the Spring search component)");
	}

	private static void send(int port, int id, AtomicBoolean running, AtomicLong sent) {
		try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
			s.setSendBufferSize(1 << 20);
			OutputStream o = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
			// 1,000 distinct lines of ~190 bytes, cycled
			byte[][] lines = new byte[1000][];
			for (int i = 0; i < lines.length; i++) {
				int college = 1 + (i % 59);
				lines[i] = ("<134>1 2026-12-01T10:00:00.000+01:00 fw-college-" + college + " squid " + (1000 + id) + " - - user=eleve"
						+ (i * 7 % 900) + " src=10.35." + college + "." + (i % 250) + " GET http://www.example.org/page/" + i
						+ " 200 5123\n").getBytes(StandardCharsets.US_ASCII);
			}
			long n = 0;
			while (running.get()) {
				o.write(lines[(int) (n % lines.length)]);
				n++;
				if ((n & 1023) == 0) {
					sent.addAndGet(1024);
				}
			}
			o.flush();
			sent.addAndGet(n & 1023);
		}
		catch (Exception e) {
			if (running.get()) {
				e.printStackTrace();
			}
		}
	}

	static String arg(String[] args, String name, String def) {
		return Arrays.stream(args).filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3))
			.findFirst().orElse(def);
	}

	static int intArg(String[] args, String name, int def) {
		return Integer.parseInt(arg(args, name, String.valueOf(def)));
	}

}
