package org.entente.journal.benchmark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.entente.journal.internal.JournalSearch;
import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.StoreOptions;

/**
 * First-page search latency (a benchmark, not a test) on a store {@link JournalStoreBuilder} filled, over its whole
 * period: each search is run by today's search (segment filters, then the lines per key of the segments kept) and by
 * a reference, one after the other on the same criteria, so both see the same machine load: {@code --reference=filters}
 * (default) the search of the previous stop, filters but every entry of the segments kept; {@code scan} every segment
 * of the period, as before the filters. The two must find the same count and the same first page:
 * {@code java -cp … org.entente.journal.benchmark.JournalSearchBenchmark --dir=/tmp/journal-100m --runs=20}.
 */
public final class JournalSearchBenchmark {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(JournalLoadGenerator.arg(args, "dir", "/tmp/journal-100m"));
		int runs = JournalLoadGenerator.intArg(args, "runs", 20);
		skip = JournalLoadGenerator.intArg(args, "skip", 0);
		cold = java.util.Arrays.asList(args).contains("--cold");
		SyslogParser parser = new SyslogParser(ZoneId.of("Europe/Paris"));
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(256L << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> parser.parse(l.raw(), 0, l.raw().length))) {
			JournalSearch search = new JournalSearch(() -> store, parser);
			long t0 = System.nanoTime();
			if (!store.awaitPostings(java.time.Duration.ofHours(1))) {
				throw new IllegalStateException("lines per key not built within an hour");
			}
			System.out.printf("lines per key ready after %.1f s (%d segments have them)%n", (System.nanoTime() - t0) / 1e9,
					store.segmentInfos().stream().filter(s -> s.postings() != null).count());
			// --reference=filters (default): the previous stop's search, filters without lines per key; scan: every segment
			String ref = JournalLoadGenerator.arg(args, "reference", "filters");
			// none: today's search alone (a cold page cache makes the references slow: minutes per run)
			JournalSearch reference = "none".equals(ref) ? null
					: "scan".equals(ref) ? search.withoutSegmentKeys() : search.withoutPostings();
			referenceName = "none".equals(ref) ? "(no reference)" : "scan".equals(ref) ? "every segment" : "filters only";
			List<JournalStore.SegmentInfo> segments = store.segmentInfos();
			JournalStore.SegmentInfo writing = segments.get(segments.size() - 1);
			System.out.printf("segment being written: %,d lines, %d blocks of lines per key%n", writing.count(),
					writing.blocks().size());
			long filters = segments.stream().filter(s -> s.keys() != null).count();
			System.out.printf("%,d lines in %d segments (%d with a filter, %,d distinct keys in all)%n", store.size(),
					segments.size(), filters, segments.stream().filter(s -> s.keys() != null).mapToLong(s -> s.keys().distinct()).sum());
			Instant from = Instant.ofEpochSecond(0, segments.get(0).minMicros() * 1000);
			// --sealed-only: the period ends where the segment being written starts (what it costs to scan it, by difference)
			Instant to = java.util.Arrays.asList(args).contains("--sealed-only")
					? Instant.ofEpochSecond(0, segments.get(segments.size() - 1).minMicros() * 1000)
					: Instant.ofEpochSecond(0, segments.get(segments.size() - 1).maxMicros() * 1000 + 1000);
			int days = (int) ((to.getEpochSecond() - from.getEpochSecond()) / 86_400) + 1;
			Random r = new Random(1);
			// warm-up: every kind once each way
			measure("warm-up", 2, i -> new JournalSearch.Criteria(from, to, null, null, null, "eleve" + r.nextInt(900), null), search, reference);
			measure("establishment absent (0359999Z)", runs, i -> c(from, to, "0359999Z", null, null, null), search, reference);
			measure("establishment on one day only (1/100 of it)", runs, i -> c(from, to, JournalStoreBuilder.RARE_UAI, null, null, null), search, reference);
			measure("user on one day only (invite-D-K, ~33 lines)", runs,
					i -> c(from, to, null, null, null, "invite-" + r.nextInt(days - 1) + "-" + r.nextInt(20)), search, reference);
			measure("user on every day, few lines (prof-N, 1/1M)", Math.max(3, runs / 2),
					i -> c(from, to, null, null, null, "prof-" + r.nextInt(1000)), search, reference);
			measure("sender on every day (10.35.C.H, 1/14,750)", Math.max(3, runs / 2),
					i -> c(from, to, null, null, "10.35." + (1 + r.nextInt(59)) + "." + (1 + r.nextInt(250)), null), search, reference);
			measure("user common (eleveN, 1/900)", runs, i -> c(from, to, null, null, null, "eleve" + r.nextInt(900)), search, reference);
			measure("establishment common (1/59)", runs, i -> c(from, to, JournalStoreBuilder.uai(1 + r.nextInt(59)), null, null, null), search, reference);
			measure("host fw-college-N (1/59)", runs, i -> c(from, to, null, "fw-college-" + (1 + r.nextInt(59)), null, null), search, reference);
			measure("no filter", runs, i -> c(from, to, null, null, null, null), search, reference);
		}
	}

	private static JournalSearch.Criteria c(Instant from, Instant to, String uai, String host, String sender, String user) {
		return new JournalSearch.Criteria(from, to, uai, host, sender, user, null);
	}

	/** {@code --skip=N}: the first N searches after the warm-up are left out (already measured in an earlier run). */
	private static int skip;
	private static String referenceName;
	/** {@code --cold}: the kernel's page cache is emptied before each search (root only): nothing read before helps. */
	private static boolean cold;

	private static void dropCaches() {
		if (!cold) {
			return;
		}
		try {
			Process p = new ProcessBuilder("sh", "-c", "sync; echo 1 > /proc/sys/vm/drop_caches").inheritIO().start();
			if (p.waitFor() != 0) {
				throw new IllegalStateException("--cold: the page cache could not be emptied (root is needed)");
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void measure(String name, int runs, IntFunction<JournalSearch.Criteria> criteria, JournalSearch search,
			JournalSearch reference) {
		if (!"warm-up".equals(name) && skip-- > 0) {
			return;
		}
		List<JournalSearch.Criteria> asked = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			asked.add(criteria.apply(i));
		}
		long[] now = new long[runs];
		long[] before = new long[runs];
		long total = 0;
		long totalBefore = 0;
		for (int i = 0; i < runs; i++) {
			// in turn first, so that neither always finds the pages the other has just read
			boolean todayFirst = i % 2 == 0;
			JournalSearch.Result res = null;
			JournalSearch.Result ref = null;
			for (int turn = 0; turn < 2; turn++) {
				boolean today = (turn == 0) == todayFirst;
				if (!today && reference == null) {
					continue;
				}
				dropCaches();
				long s = System.nanoTime();
				if (today) {
					res = search.search(asked.get(i), 0, 50);
					now[i] = System.nanoTime() - s;
				}
				else if (reference != null) {
					ref = reference.search(asked.get(i), 0, 50);
					before[i] = System.nanoTime() - s;
				}
			}
			if (reference == null) {
				ref = res;
			}
			if (res.total() != ref.total() || !res.lines().stream().map(l -> l.index()).toList()
				.equals(ref.lines().stream().map(l -> l.index()).toList())) {
				throw new IllegalStateException(name + ": " + res.total() + " lines today, " + ref.total() + " by the reference");
			}
			total = res.total();
			totalBefore = ref.total();
		}
		System.out.printf("%-48s today p50 %8.1f p95 %8.1f ms | %s p50 %8.1f p95 %8.1f ms (last total %,d / %,d)%n",
				name, p(now, 0.5), p(now, 0.95), referenceName, p(before, 0.5), p(before, 0.95), total, totalBefore);
	}

	private static double p(long[] t, double q) {
		long[] s = t.clone();
		Arrays.sort(s);
		return s[Math.max(0, (int) Math.ceil(s.length * q) - 1)] / 1e6;
	}
}
