package org.entente.journal.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.Incoming;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Merkle;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.StoreOptions;

/**
 * Fills a store for the search benchmark (not a test) without the network: {@code --lines} RFC 5424 proxy lines spread
 * at {@code lines / days} a UTC day from {@code days} ago on, hashed into the tree and signed every 5 M lines; stops
 * early, closing the store cleanly, after {@code --seconds}. The index fields are built with the line (the parser's
 * answer is checked on one line in 10,000 and on the first batch, and the search re-parses every candidate anyway).
 * Users: 1/900 each of {@code eleve0..899} (common), {@code prof-0..999} (1 in 1,000 lines between them, spread over
 * every day), {@code invite-D-0..19} (1 in 5,000 lines, only on day D). Establishments: 59 collèges {@code 03599NNA}
 * spread over every day, and {@code 0359960B} (1 line in 100) only on day 1.
 * <pre>
 * java -cp … org.entente.journal.benchmark.JournalStoreBuilder --dir=/tmp/journal-100m --lines=100000000 --days=30
 * </pre>
 */
public final class JournalStoreBuilder {

	static final String RARE_UAI = "0359960B";

	static String uai(int college) {
		return String.format("03599%02dA", college);
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(JournalLoadGenerator.arg(args, "dir", "/tmp/journal-100m"));
		long lines = Long.parseLong(JournalLoadGenerator.arg(args, "lines", "100000000"));
		int days = JournalLoadGenerator.intArg(args, "days", 30);
		int producers = JournalLoadGenerator.intArg(args, "producers", 2);
		long end = Instant.now().minusSeconds(3600).getEpochSecond() * 1_000_000L;
		long startMicros = end - days * 86_400_000_000L;
		double step = (double) (end - startMicros) / lines;
		long stopAt = System.nanoTime() + Long.parseLong(JournalLoadGenerator.arg(args, "seconds", "86400")) * 1_000_000_000L;
		SyslogParser reader = new SyslogParser(ZoneId.of("Europe/Paris"));
		// the indexer reads a line again only to rebuild (recovery, lines per key); appends carry their fields
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(256L << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> reader.parse(l.raw(), 0, l.raw().length))) {
			long first = store.size();
			int batch = 4096;
			BlockingQueue<List<Incoming>>[] queues = new BlockingQueue[producers];
			for (int p = 0; p < producers; p++) {
				queues[p] = new ArrayBlockingQueue<>(64);
				int id = p;
				Thread t = new Thread(() -> produce(id, producers, first, lines, batch, startMicros, step, days, queues[id]));
				t.setDaemon(true);
				t.start();
			}
			long t0 = System.nanoTime();
			long done = 0;
			long nextHead = 5_000_000;
			for (long b = 0; done < lines && System.nanoTime() < stopAt; b++) {
				List<Incoming> in = queues[(int) (b % producers)].take();
				store.append(in);
				done += in.size();
				if (done >= nextHead) {
					store.signTreeHead(System.currentTimeMillis());
					nextHead += 5_000_000;
					double s = (System.nanoTime() - t0) / 1e9;
					System.out.printf("%,d lines in %.0f s (%,.0f lines/s), %d segments%n", done, s, done / s,
							store.segmentInfos().size());
				}
			}
			store.signTreeHead(System.currentTimeMillis());
			double s = (System.nanoTime() - t0) / 1e9;
			store.awaitPostings(java.time.Duration.ofHours(2));
			System.out.printf("lines per key of the sealed segments built %.0f s after the last line%n",
					(System.nanoTime() - t0) / 1e9 - s);
			System.out.printf("BUILT %,d lines in %.0f s (%,.0f lines/s); store %,d lines, %d segments, %,d segment bytes%n",
					done, s, done / s, store.size(), store.segmentInfos().size(),
					store.segmentInfos().stream().mapToLong(JournalStore.SegmentInfo::bytes).sum());
		}
	}

	private static void produce(int id, int producers, long first, long lines, int batch, long startMicros, double step,
			int days, BlockingQueue<List<Incoming>> out) {
		SyslogParser parser = new SyslogParser(ZoneId.of("Europe/Paris"));
		MessageDigest md = Merkle.sha256();
		DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHours(1));
		int middle = 1;
		try {
			for (long b = id; b * batch < lines; b += producers) {
				long from = b * batch;
				long to = Math.min(lines, from + batch);
				SplittableRandom r = new SplittableRandom(first + from);
				List<Incoming> list = new ArrayList<>((int) (to - from));
				long lastSecond = Long.MIN_VALUE;
				String stamp = null;
				for (long i = from; i < to; i++) {
					long at = startMicros + (long) (i * step);
					int day = (int) ((at - startMicros) / 86_400_000_000L);
					long second = at / 1_000_000;
					if (second != lastSecond) {
						stamp = f.format(Instant.ofEpochSecond(second));
						lastSecond = second;
					}
					int college = 1 + r.nextInt(59);
					String uai = uai(college);
					if (day == middle && r.nextInt(100) == 0) {
						college = 60;
						uai = RARE_UAI;
					}
					int u = r.nextInt(1_000_000);
					String user = u < 200 ? "invite-" + day + "-" + (u % 20) : u < 1200 ? "prof-" + r.nextInt(1000)
							: "eleve" + r.nextInt(900);
					String sender = "10.35." + college + "." + (1 + r.nextInt(250));
					int page = r.nextInt(5000);
					byte[] raw = ("<134>1 " + stamp + " fw-college-" + college + " squid " + (1000 + college)
							+ " - - user=" + user + " src=" + sender + " GET http://www.example.org/page/" + page
							+ " 200 " + r.nextInt(100_000)).getBytes(StandardCharsets.US_ASCII);
					String host = "fw-college-" + college;
					IndexFields fields = new IndexFields(at / 1000 / 1000 * 1000, uai, host, "squid", user,
							"http://www.example.org/page/" + page, IndexFields.RFC5424);
					if (from == 0 || i % 10_000 == 0) {
						IndexFields parsed = parser.parse(raw, 0, raw.length).withUai(uai);
						if (!parsed.equals(fields)) {
							System.err.println("the parser reads " + parsed + ", not " + fields);
							System.exit(2);
						}
					}
					list.add(Incoming.of(md, at, sender, "tcp/127.0.0.1:5514", raw, 0, raw.length, fields));
				}
				out.put(list);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
