package org.entente.journal.benchmark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;

import org.entente.journal.internal.JournalSearch;
import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.StoreOptions;

/**
 * First-page search latency (a benchmark, not a test) on a store the load generator filled:
 * {@code java -cp … org.entente.journal.benchmark.JournalSearchBenchmark --dir=/tmp/journal-bench --runs=50}.
 */
public final class JournalSearchBenchmark {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(JournalLoadGenerator.arg(args, "dir", "/tmp/journal-bench"));
		int runs = JournalLoadGenerator.intArg(args, "runs", 50);
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(256L << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> IndexFields.NONE)) {
			JournalSearch search = new JournalSearch(() -> store, new SyslogParser(ZoneId.of("Europe/Paris")));
			System.out.printf("%,d lines in %d segments%n", store.size(), store.segmentInfos().size());
			Instant from = Instant.now().minusSeconds(86400 * 2);
			Instant to = Instant.now().plusSeconds(60);
			Random r = new Random(1);
			measure("no filter (count capped)", runs, () -> new JournalSearch.Criteria(from, to, null, null, null, null, null), search);
			measure("establishment 0359901X", runs, () -> new JournalSearch.Criteria(from, to, "0359901X", null, null, null, null), search);
			measure("host fw-college-N (1/59 of lines)", runs,
					() -> new JournalSearch.Criteria(from, to, null, "fw-college-" + (1 + r.nextInt(59)), null, null, null), search);
			measure("user eleveN (1/900)", runs,
					() -> new JournalSearch.Criteria(from, to, null, null, null, "eleve" + r.nextInt(900), null), search);
			measure("establishment 0359902Y (no line: full index scan)", Math.max(3, runs / 10),
					() -> new JournalSearch.Criteria(from, to, "0359902Y", null, null, null, null), search);
			measure("q=page/N (free text, reads lines)", Math.max(3, runs / 10),
					() -> new JournalSearch.Criteria(from, to, null, null, null, null, "page/" + r.nextInt(1000) + " "), search);
		}
	}

	private static void measure(String name, int runs, java.util.function.Supplier<JournalSearch.Criteria> criteria,
			JournalSearch search) {
		long[] t = new long[runs];
		long total = 0;
		for (int i = 0; i < runs; i++) {
			long s = System.nanoTime();
			JournalSearch.Result res = search.search(criteria.get(), 0, 50);
			t[i] = System.nanoTime() - s;
			total = res.total();
		}
		Arrays.sort(t);
		System.out.printf("%-50s p50 %7.1f ms  p95 %7.1f ms  (last total %,d)%n", name, t[runs / 2] / 1e6,
				t[(int) Math.ceil(runs * 0.95) - 1] / 1e6, total);
	}
}
