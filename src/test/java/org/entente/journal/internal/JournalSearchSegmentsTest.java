package org.entente.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.store.Incoming;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Line;
import org.entente.journal.internal.store.Merkle;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments whose filter cannot match are skipped, sealed ones are read through their lines per key, and a search
 * finds exactly what a scan of every segment finds.
 */
class JournalSearchSegmentsTest {

	@TempDir
	Path dir;

	private static final SyslogParser PARSER = new SyslogParser(ZoneId.of("Europe/Paris"));
	private static final long T0 = 1_796_000_000_000_000L;

	/**
	 * 50 lines received on day k (so segment k, a segment closing when the UTC day changes): collège 03599k0A (k < 10),
	 * host fw-k, senders 10.35.k.*, destination 10.0.k.1, users eleve0..4 shared and visitor-k its own.
	 */
	private static List<Incoming> segment(MessageDigest md, int k) {
		List<Incoming> l = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String user = i == 7 ? "visitor-" + k : "eleve" + (i % 5);
			byte[] raw = ("<134>1 2026-12-01T10:00:00.000+01:00 fw-" + k + " squid - - - user=" + user + " dst=10.0." + k
					+ ".1 line " + i).getBytes(StandardCharsets.US_ASCII);
			String uai = k < 10 ? "03599" + k + "0A" : null;
			l.add(Incoming.of(md, T0 + k * 86_400_000_000L + i * 1000, "10.35." + k + "." + (i % 3), "tcp://127.0.0.1:5514", raw, 0,
					raw.length, PARSER.parse(raw, 0, raw.length).withUai(uai)));
		}
		return l;
	}

	@Test
	void segmentsThatCannotMatchAreSkippedAndNothingIsLost() throws Exception {
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1 << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length))) {
			MessageDigest md = Merkle.sha256();
			for (int k = 0; k < 12; k++) {
				store.append(segment(md, k));
			}
			assertThat(store.segmentInfos()).hasSize(12);
			assertThat(store.segmentInfos().stream().filter(s -> s.keys() != null).count()).isEqualTo(11);
			assertThat(store.awaitPostings(java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(store.segmentInfos().stream().filter(s -> s.postings() != null).count()).isEqualTo(11);
			JournalSearch search = new JournalSearch(() -> store, PARSER);
			JournalSearch everySegment = search.withoutSegmentKeys();
			JournalSearch filtersOnly = search.withoutPostings();
			Instant from = Instant.ofEpochSecond(0, T0 * 1000);
			Instant to = from.plusSeconds(13 * 86_400);
			List<JournalSearch.Criteria> asked = List.of(
					new JournalSearch.Criteria(from, to, "0359940A", null, null, null, null),
					new JournalSearch.Criteria(from, to, "0359999Z", null, null, null, null),
					new JournalSearch.Criteria(from, to, null, "fw-3", null, null, null),
					new JournalSearch.Criteria(from, to, null, "10.35.5.1", null, null, null),
					new JournalSearch.Criteria(from, to, null, null, "10.35.6.2", null, null),
					new JournalSearch.Criteria(from, to, null, null, null, "visitor-8", null),
					new JournalSearch.Criteria(from, to, null, null, null, "VISITOR-8", null),
					new JournalSearch.Criteria(from, to, null, null, null, "eleve2", null),
					new JournalSearch.Criteria(from, to, null, null, null, "nobody", null),
					new JournalSearch.Criteria(from, to, null, null, null, null, null, "10.0.9.1"),
					new JournalSearch.Criteria(from, to, "0359920A", null, null, "visitor-2", null));
			for (JournalSearch.Criteria c : asked) {
				JournalSearch.Progress skipping = new JournalSearch.Progress();
				JournalSearch.Progress all = new JournalSearch.Progress();
				List<Long> found = new ArrayList<>();
				List<Long> expected = new ArrayList<>();
				List<Long> filtered = new ArrayList<>();
				search.scan(store, c, store.size(), l -> found.add(l.index()), skipping);
				everySegment.scan(store, c, store.size(), l -> expected.add(l.index()), all);
				filtersOnly.scan(store, c, store.size(), l -> filtered.add(l.index()), new JournalSearch.Progress());
				assertThat(found).as(c.describe()).isEqualTo(expected).isEqualTo(filtered);
				assertThat(all.toScan()).isEqualTo(600);
				// the lines of the key in each sealed segment that may hold it, plus the active one (50), read whole
				long listed = "eleve2".equals(c.user()) ? 11 * 10 : c.user() != null && c.user().startsWith("visitor") ? 1
						: c.establishment() != null || c.host() != null || c.address() != null ? 50 : c.sender() != null ? 16 : 1;
				assertThat(skipping.toScan()).as(c.describe()).isLessThanOrEqualTo(50 + listed);
			}
			// a damaged position (past its segment) is not trusted: that segment is scanned, nothing is lost
			Path post = dir.resolve("segments").resolve(String.format("%020d.post", store.segmentInfos().get(9).start()));
			byte[] bytes = java.nio.file.Files.readAllBytes(post);
			bytes[bytes.length - 1] = (byte) 0x7f;
			java.nio.file.Files.write(post, bytes);
			for (JournalSearch.Criteria c : asked) {
				List<Long> found = new ArrayList<>();
				List<Long> expected = new ArrayList<>();
				search.scan(store, c, store.size(), l -> found.add(l.index()));
				everySegment.scan(store, c, store.size(), l -> expected.add(l.index()));
				assertThat(found).as(c.describe()).isEqualTo(expected);
			}
			JournalSearch.Result r = search.search(asked.get(5), 0, 10);
			assertThat(r.total()).isEqualTo(1);
			assertThat(new String(r.lines().get(0).raw(), StandardCharsets.US_ASCII)).contains("user=visitor-8");
			assertThat(r.lines()).extracting(Line::sender).containsExactly("10.35.8.1");
		}
	}
}
