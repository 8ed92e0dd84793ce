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
import org.entente.journal.internal.store.IndexFields;
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
			// a damaged position (past its segment) is not trusted: that segment is scanned, nothing is lost. The last
			// bytes are the last position of the highest element: segment 9's one destination (tag 5), asked below
			// as the address 10.0.9.1
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

	/** Two users whose 32-bit index keys are the same (FNV-1a): only the lines tell them apart. */
	private static final String SHARED_A = "eleve72365";
	private static final String SHARED_B = "eleve280120";

	private static List<Incoming> users(MessageDigest md, int day, String... users) {
		List<Incoming> l = new ArrayList<>();
		for (int i = 0; i < users.length; i++) {
			byte[] raw = ("<134>1 2026-12-01T10:00:00.000+01:00 fw-" + day + " squid - - - user=" + users[i] + " line " + i)
				.getBytes(StandardCharsets.US_ASCII);
			l.add(Incoming.of(md, T0 + day * 86_400_000_000L + i * 1000, "10.35.1." + (i % 2), "tcp://127.0.0.1:5514", raw,
					0, raw.length, PARSER.parse(raw, 0, raw.length).withUai(i % 3 == 0 ? "0359901X" : null)));
		}
		return l;
	}

	@Test
	void countsAndPagesFromTheListsAreThoseOfReadingEveryLineEvenForUsersWhoShareAKey() throws Exception {
		assertThat(IndexFields.key(SHARED_A)).isEqualTo(IndexFields.key(SHARED_B));
		List<JournalSearch.Criteria> asked = new ArrayList<>();
		long found;
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1 << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length))) {
			MessageDigest md = Merkle.sha256();
			String a = SHARED_A;
			String b = SHARED_B;
			// day 0: both (the key's lines do not all have one value); day 1: a alone; day 2: b alone; day 3: active
			store.append(users(md, 0, a, b, a, "eleve1", b, a, a, b, a));
			store.append(users(md, 1, a, "eleve1", a, a, "prof-2", a));
			store.append(users(md, 2, "eleve1", b, b, "prof-2"));
			store.append(users(md, 3, a, b, "eleve1"));
			assertThat(store.awaitPostings(java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(store.segmentInfos().stream().filter(s -> s.postings() != null).count()).isEqualTo(3);
			JournalSearch search = new JournalSearch(() -> store, PARSER);
			Instant from = Instant.ofEpochSecond(0, T0 * 1000);
			Instant to = from.plusSeconds(5 * 86_400);
			// a period that starts in the middle of day 0's lines and ends in the middle of day 2's
			Instant partFrom = from.plusNanos(3_500_000);
			Instant partTo = from.plusSeconds(2 * 86_400).plusNanos(2_500_000);
			for (Instant[] period : new Instant[][] { { from, to }, { partFrom, partTo } }) {
				for (String user : List.of(a, b, a.toUpperCase(), "eleve1", "prof-2", "nobody")) {
					asked.add(new JournalSearch.Criteria(period[0], period[1], null, null, null, user, null));
					asked.add(new JournalSearch.Criteria(period[0], period[1], "0359901X", null, null, user, null));
					asked.add(new JournalSearch.Criteria(period[0], period[1], null, "10.35.1.1", null, user, null));
					asked.add(new JournalSearch.Criteria(period[0], period[1], null, null, "10.35.1.0", user, null));
				}
				asked.add(new JournalSearch.Criteria(period[0], period[1], null, "fw-2", null, null, null));
				asked.add(new JournalSearch.Criteria(period[0], period[1], null, null, null, b, "line 2"));
			}
			found = sameAsReadingEveryLine(store, asked);
			assertThat(found).isGreaterThan(40);
			assertThat(search.search(asked.get(0), 0, 50).total()).as("a, whole period").isEqualTo(5 + 4 + 1);
			assertThat(search.search(asked.get(4), 0, 50).total()).as("b, whole period").isEqualTo(3 + 2 + 1);
		}
		// the files rebuilt from the lines on opening (values read again, not collected while writing): the same
		try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("segments"))) {
			for (Path f : files.filter(f -> f.toString().endsWith(".post")).toList()) {
				java.nio.file.Files.delete(f);
			}
		}
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1 << 20, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length))) {
			assertThat(store.awaitPostings(java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(store.segmentInfos().stream().filter(s -> s.postings() != null).count()).isEqualTo(3);
			assertThat(sameAsReadingEveryLine(store, asked)).isEqualTo(found);
			assertThat(store.verify().ok()).isTrue();
		}
	}

	/** Compares count and pages (sizes 1, 2 and 50, ten pages) with reading every line; returns the counts' sum. */
	private static long sameAsReadingEveryLine(JournalStore store, List<JournalSearch.Criteria> asked) {
		JournalSearch search = new JournalSearch(() -> store, PARSER);
		JournalSearch everySegment = search.withoutSegmentKeys();
		long found = 0;
		for (JournalSearch.Criteria c : asked) {
			for (int size : new int[] { 1, 2, 50 }) {
				for (int page = 0; page < 10; page++) {
					JournalSearch.Result r = search.search(c, page, size);
					JournalSearch.Result ref = everySegment.search(c, page, size);
					assertThat(r.total()).as(c.describe()).isEqualTo(ref.total());
					assertThat(r.capped()).isEqualTo(ref.capped());
					assertThat(r.lines()).extracting(Line::index).as(c.describe() + " page " + page + " of " + size)
						.isEqualTo(ref.lines().stream().map(Line::index).toList());
					if (page == 0 && size == 50) {
						found += r.total();
					}
				}
			}
		}
		return found;
	}

	@Test
	void aCountPastTheCapFromTheListsIsTheCapAndPagesAreThoseOfReadingEveryLine() throws Exception {
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1 << 30, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length))) {
			MessageDigest md = Merkle.sha256();
			// four days of 6,000 lines: three sealed segments (counted from their lists) and the active one
			for (int day = 0; day < 4; day++) {
				String[] users = new String[6000];
				for (int i = 0; i < users.length; i++) {
					users[i] = i % 2 == 0 ? "eleve1" : "eleve2";
				}
				store.append(users(md, day, users));
			}
			assertThat(store.awaitPostings(java.time.Duration.ofSeconds(30))).isTrue();
			Instant from = Instant.ofEpochSecond(0, T0 * 1000);
			List<JournalSearch.Criteria> asked = List.of(
					new JournalSearch.Criteria(from, from.plusSeconds(5 * 86_400), null, null, null, "eleve1", null),
					new JournalSearch.Criteria(from, from.plusSeconds(5 * 86_400), "0359901X", null, null, "eleve2", null));
			JournalSearch search = new JournalSearch(() -> store, PARSER);
			JournalSearch everySegment = search.withoutSegmentKeys();
			JournalSearch.Result r = search.search(asked.get(0), 0, 50);
			assertThat(r.capped()).isTrue();
			assertThat(r.total()).isEqualTo(JournalSearch.COUNT_CAP);
			assertThat(search.search(asked.get(1), 0, 50).total()).isEqualTo(4 * 6000 / 6);
			for (JournalSearch.Criteria c : asked) {
				for (int page : new int[] { 0, 1, 99, 150, 199, 250, 399, 600 }) {
					JournalSearch.Result mine = search.search(c, page, 20);
					JournalSearch.Result ref = everySegment.search(c, page, 20);
					assertThat(mine.total()).isEqualTo(ref.total());
					assertThat(mine.capped()).isEqualTo(ref.capped());
					assertThat(mine.lines()).extracting(Line::index).as(c.describe() + " page " + page)
						.isEqualTo(ref.lines().stream().map(Line::index).toList());
				}
			}
		}
	}

	@Test
	void theSegmentBeingWrittenIsReadThroughTheListsOfItsCompleteBlocks() throws Exception {
		int lines = 2 * org.entente.journal.internal.store.SegmentPostings.BLOCK + 5_000;
		try (JournalStore store = JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1 << 30, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length))) {
			MessageDigest md = Merkle.sha256();
			for (int from = 0; from < lines; from += 10_000) {
				List<Incoming> batch = new ArrayList<>();
				for (int i = from; i < Math.min(lines, from + 10_000); i++) {
					byte[] raw = ("<134>1 2026-12-01T10:00:00.000+01:00 fw squid - - - user=eleve" + i % 1000 + " line " + i)
						.getBytes(StandardCharsets.US_ASCII);
					batch.add(Incoming.of(md, T0 + i * 10L, "10.35.1." + i % 7, "tcp://127.0.0.1:5514", raw, 0, raw.length,
							PARSER.parse(raw, 0, raw.length).withUai(i % 3 == 0 ? "0359901X" : null)));
				}
				store.append(batch);
			}
			assertThat(store.awaitPostings(java.time.Duration.ofSeconds(30))).isTrue();
			JournalStore.SegmentInfo active = store.segmentInfos().get(store.segmentInfos().size() - 1);
			assertThat(active.count()).isEqualTo(lines);
			assertThat(active.postings()).isNull();
			assertThat(active.blocks()).hasSize(2);
			JournalSearch search = new JournalSearch(() -> store, PARSER);
			JournalSearch everySegment = search.withoutSegmentKeys();
			Instant from = Instant.ofEpochSecond(0, T0 * 1000);
			Instant to = from.plusSeconds(3600);
			Instant middle = from.plusNanos(lines / 2 * 10_000L);
			for (JournalSearch.Criteria c : List.of(
					new JournalSearch.Criteria(from, to, null, null, null, "eleve5", null),
					new JournalSearch.Criteria(from, middle, null, null, null, "ELEVE5", null),
					new JournalSearch.Criteria(from, to, "0359901X", null, "10.35.1.3", "eleve12", null),
					new JournalSearch.Criteria(from, to, null, "10.35.1.4", null, null, null),
					new JournalSearch.Criteria(from, to, null, null, null, "nobody", null))) {
				List<Long> found = new ArrayList<>();
				List<Long> expected = new ArrayList<>();
				JournalSearch.Progress progress = new JournalSearch.Progress();
				search.scan(store, c, store.size(), l -> found.add(l.index()), progress);
				everySegment.scan(store, c, store.size(), l -> expected.add(l.index()));
				assertThat(found).as(c.describe()).isEqualTo(expected);
				if (c.host() == null) {
					// the blocks' lists (1 line in 1,000 at most) and the 5,000 entries after the blocks
					assertThat(progress.toScan()).as(c.describe()).isLessThan(5_000 + lines / 1000 + 1);
				}
				JournalSearch.Result r = search.search(c, 1, 20);
				JournalSearch.Result ref = everySegment.search(c, 1, 20);
				assertThat(r.total()).isEqualTo(ref.total());
				assertThat(r.lines()).extracting(Line::index).isEqualTo(ref.lines().stream().map(Line::index).toList());
			}
		}
	}
}
