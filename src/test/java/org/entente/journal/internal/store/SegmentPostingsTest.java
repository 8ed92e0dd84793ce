package org.entente.journal.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.entente.journal.internal.intake.SyslogParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealed segments' lines per key: built off the writing thread once a segment closes, equal to what the index says,
 * rebuilt when missing or damaged, checked by verify, removed by the purge.
 */
class SegmentPostingsTest {

	@TempDir
	Path dir;

	private static final String[] USERS = { "eleve1", "eleve2", "prof-3" };

	private static final SyslogParser PARSER = new SyslogParser(ZoneId.of("Europe/Paris"));

	/** Line i: user USERS[i % 3], collège 0359901X on even lines only, sender 10.35.1.(i % 5), destination site-(i % 7). */
	private static List<Incoming> lines(long from, long to) {
		MessageDigest md = Merkle.sha256();
		List<Incoming> l = new ArrayList<>();
		for (long i = from; i < to; i++) {
			byte[] r = ("<134>1 - fw squid - - - user=" + USERS[(int) (i % 3)] + " dst=site-" + i % 7 + " line " + i)
				.getBytes(StandardCharsets.US_ASCII);
			IndexFields f = PARSER.parse(r, 0, r.length).withUai(i % 2 == 0 ? "0359901X" : null);
			l.add(Incoming.of(md, StoreFixture.T0 + i * 1000, "10.35.1." + i % 5, "tcp://127.0.0.1:5514", r, 0, r.length, f));
		}
		return l;
	}

	private JournalStore open() throws IOException {
		return JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1000, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length)
					.withUai(l.raw()[l.raw().length - 1] % 2 == 0 ? "0359901X" : null));
	}

	/** 200 lines in segments of about 12 (a 1,000-byte limit). */
	private JournalStore write200() throws Exception {
		JournalStore s = open();
		for (int i = 0; i < 200; i += 20) {
			s.append(lines(i, i + 20));
		}
		assertThat(s.awaitPostings(Duration.ofSeconds(30))).isTrue();
		return s;
	}

	/** The sorted (key, line) pairs of a segment's index, as its file should list them. */
	private long[] pairsOf(long start, long count) throws IOException {
		try (FileChannel idx = FileChannel.open(dir.resolve("segments").resolve(JournalStore.name(start) + ".idx"),
				StandardOpenOption.READ)) {
			return SegmentPostings.pairs(idx, count);
		}
	}

	/** The positions listed under a key (null: damaged there). */
	private static int[] lines(SegmentPostings p, int tag, int key) {
		return p.listed(tag, key).positions();
	}

	private Path postFile(long start) {
		return dir.resolve("segments").resolve(JournalStore.name(start) + ".post");
	}

	private static int[] expected(JournalStore.SegmentInfo s, java.util.function.LongPredicate has) {
		return java.util.stream.LongStream.range(0, s.count()).filter(i -> has.test(s.start() + i)).mapToInt(i -> (int) i)
			.toArray();
	}

	@Test
	void eachSealedSegmentListsTheLinesOfEachOfItsKeys() throws Exception {
		try (JournalStore s = write200()) {
			List<JournalStore.SegmentInfo> infos = s.segmentInfos();
			assertThat(infos.size()).isGreaterThan(10);
			assertThat(infos.get(infos.size() - 1).postings()).as("the active segment has none yet").isNull();
			byte[] uai = Arrays.copyOf("0359901X".getBytes(StandardCharsets.US_ASCII), 8);
			for (JournalStore.SegmentInfo i : infos.subList(0, infos.size() - 1)) {
				SegmentPostings p = i.postings();
				assertThat(p).as("segment " + i.start()).isNotNull();
				for (int u = 0; u < 3; u++) {
					int user = u;
					assertThat(lines(p, SegmentKeys.USER, IndexFields.key(USERS[u].toUpperCase())))
						.isEqualTo(expected(i, n -> n % 3 == user));
				}
				assertThat(lines(p, SegmentKeys.UAI, SegmentKeys.uaiKey(SegmentKeys.uaiBytes(uai))))
					.isEqualTo(expected(i, n -> n % 2 == 0));
				for (int h = 0; h < 5; h++) {
					int host = h;
					assertThat(lines(p, SegmentKeys.SENDER, IndexFields.key("10.35.1." + h))).isEqualTo(expected(i, n -> n % 5 == host));
				}
				for (int d = 0; d < 7; d++) {
					int site = d;
					assertThat(lines(p, SegmentKeys.DEST, IndexFields.key("site-" + d))).isEqualTo(expected(i, n -> n % 7 == site));
				}
				// each key says the value of its lines, as the lines say it
				assertThat(p.listed(SegmentKeys.USER, IndexFields.key("eleve1")).value()).isEqualTo(IndexFields.exactKey("ELEVE1"));
				assertThat(p.listed(SegmentKeys.SENDER, IndexFields.key("10.35.1.2")).value()).isEqualTo(IndexFields.exactKey("10.35.1.2"));
				assertThat(p.listed(SegmentKeys.UAI, SegmentKeys.uaiKey(SegmentKeys.uaiBytes(uai))).value())
					.isEqualTo(SegmentKeys.uaiBytes(uai));
				// a user asked as a host, and a user nobody is
				assertThat(lines(p, SegmentKeys.HOST, IndexFields.key("eleve1"))).isEmpty();
				assertThat(lines(p, SegmentKeys.USER, IndexFields.key("nobody"))).isEmpty();
				assertThat(lines(p, SegmentKeys.HOST, IndexFields.key("fw"))).hasSize((int) i.count());
			}
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
		}
	}

	@Test
	void aMissingOrDamagedFileIsRebuiltOnOpeningFromTheIndexAndTheLinesAsItWasBuiltWhenWritten() throws Exception {
		List<Long> starts;
		byte[] first;
		byte[] second;
		try (JournalStore s = write200()) {
			starts = s.segmentInfos().stream().map(JournalStore.SegmentInfo::start).toList();
			first = Files.readAllBytes(postFile(starts.get(0)));
			second = Files.readAllBytes(postFile(starts.get(1)));
		}
		Files.delete(postFile(starts.get(0)));
		byte[] damaged = second.clone();
		damaged[30] ^= 1; // in the directory: its checksum no longer matches
		Files.write(postFile(starts.get(1)), damaged);
		try (JournalStore s = open()) {
			assertThat(s.awaitPostings(Duration.ofSeconds(30))).isTrue();
			assertThat(s.segmentInfos().subList(0, starts.size() - 1)).allMatch(i -> i.postings() != null);
			assertThat(Files.readAllBytes(postFile(starts.get(0)))).isEqualTo(first);
			assertThat(Files.readAllBytes(postFile(starts.get(1)))).isEqualTo(second);
		}
	}

	@Test
	void aFileLeftOnTheSegmentThatGoesOnIsRemoved() throws Exception {
		long last;
		try (JournalStore s = write200()) {
			List<JournalStore.SegmentInfo> infos = s.segmentInfos();
			last = infos.get(infos.size() - 1).start();
			// as if the writer died after a segment's file was built and before the next segment existed
			Files.copy(postFile(infos.get(0).start()), postFile(last));
		}
		try (JournalStore s = open()) {
			assertThat(postFile(last)).doesNotExist();
			s.append(lines(200, 230));
			assertThat(s.awaitPostings(Duration.ofSeconds(30))).isTrue();
			assertThat(s.segmentInfos().stream().filter(i -> i.start() == last).findFirst().orElseThrow().postings())
				.isNotNull();
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
		}
	}

	@Test
	void verifyNamesTheFirstLineTheListsWouldHide() throws Exception {
		long start;
		try (JournalStore s = write200()) {
			start = s.segmentInfos().get(2).start();
			// a well-formed file without the user key of the segment's fifth line
			long count = s.segmentInfos().get(2).count();
			long[] pairs = pairsOf(start, count);
			long user = SegmentPostings.element(SegmentKeys.USER, IndexFields.key(USERS[(int) ((start + 4) % 3)]));
			long[] fewer = Arrays.stream(pairs).filter(p -> p != ((user << 28) | 4)).toArray();
			assertThat(fewer).hasSize(pairs.length - 1);
			ByteBuffer b = SegmentPostings.image(fewer, count);
			Files.write(postFile(start), Arrays.copyOf(b.array(), b.remaining()));
		}
		try (JournalStore s = open()) {
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).isFalse();
			assertThat(v.firstBadIndex()).isEqualTo(start + 4);
			assertThat(v.problem()).contains("index par valeur du segment " + start);
		}
	}

	@Test
	void keysThatSayNoValueAreSoundAsIntakeLeavesThemPastTheKeyLimit() throws Exception {
		long start;
		try (JournalStore s = write200()) {
			JournalStore.SegmentInfo seg = s.segmentInfos().get(1);
			start = seg.start();
			long[] pairs = pairsOf(start, seg.count());
			// every value unknown, as when a segment has more than 2^20 distinct keys
			Files.write(postFile(start), bytes(SegmentPostings.image(pairs, seg.count())));
		}
		try (JournalStore s = open()) {
			// stored files are opened by the builder thread, after start-up
			assertThat(s.awaitPostings(Duration.ofSeconds(30))).isTrue();
			JournalStore.SegmentInfo seg = s.segmentInfos().get(1);
			assertThat(seg.postings()).isNotNull();
			assertThat(seg.postings().listed(SegmentKeys.USER, IndexFields.key("eleve1")).value()).isZero();
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
		}
	}

	@Test
	void verifyNamesALineWhoseKeySaysAnotherValue() throws Exception {
		long start;
		try (JournalStore s = write200()) {
			JournalStore.SegmentInfo seg = s.segmentInfos().get(3);
			start = seg.start();
			long[] pairs = pairsOf(start, seg.count());
			// the same lines, but the key of prof-3 says eleve1: a search for prof-3 would find nothing there
			long prof = SegmentPostings.element(SegmentKeys.USER, IndexFields.key("prof-3"));
			int firstProf = lines(seg.postings(), SegmentKeys.USER, IndexFields.key("prof-3"))[0];
			ByteBuffer b = SegmentPostings.image(pairs, seg.count(), e -> e == prof ? IndexFields.exactKey("eleve1")
					: seg.postings().listed((int) (e >>> 32), (int) e).value());
			Files.write(postFile(start), Arrays.copyOf(b.array(), b.remaining()));
			start += firstProf;
		}
		try (JournalStore s = open()) {
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).isFalse();
			assertThat(v.firstBadIndex()).isEqualTo(start);
			assertThat(v.problem()).contains("index par valeur");
		}
	}

	@Test
	void thePurgeRemovesTheListsWithTheirSegment() throws Exception {
		try (JournalStore s = write200()) {
			long first = s.segmentInfos().get(0).start();
			long second = s.segmentInfos().get(1).start();
			assertThat(postFile(first)).exists();
			// the first segment's lines are the oldest: a cutoff just after them removes it alone
			long lastMicros = s.segmentInfos().get(0).maxMicros();
			JournalStore.Purge p = s.purgeBefore(Instant.ofEpochSecond(0, (lastMicros + 1) * 1000), Instant.now());
			assertThat(p.segments()).isEqualTo(1);
			assertThat(postFile(first)).doesNotExist();
			assertThat(postFile(second)).exists();
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
		}
	}

	@Test
	void unionAndIntersectionAreThoseOfSets() {
		SplittableRandom r = new SplittableRandom(14);
		for (int round = 0; round < 500; round++) {
			int[] a = sorted(r, r.nextInt(40));
			int[] b = sorted(r, r.nextInt(40));
			TreeSet<Integer> union = new TreeSet<>();
			TreeSet<Integer> both = new TreeSet<>();
			Arrays.stream(a).forEach(union::add);
			Arrays.stream(b).forEach(union::add);
			Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).forEach(both::add);
			assertThat(SegmentPostings.union(a, b)).isEqualTo(union.stream().mapToInt(Integer::intValue).toArray());
			assertThat(SegmentPostings.intersect(a, b)).isEqualTo(both.stream().mapToInt(Integer::intValue).toArray());
		}
	}

	private static int[] sorted(SplittableRandom r, int n) {
		return r.ints(n, 0, 60).distinct().sorted().toArray();
	}

	@Test
	void aDirectoryOutOfOrderOrWithAnEmptyListIsRefusedEvenWithItsChecksum() throws IOException {
		long[] pairs = { (SegmentPostings.element(SegmentKeys.USER, 7) << 28) | 1,
				(SegmentPostings.element(SegmentKeys.USER, 9) << 28) | 2 };
		byte[] good = bytes(SegmentPostings.image(pairs, 4));
		Path f = dir.resolve("x.post");
		Files.write(f, good);
		assertThat(SegmentPostings.open(f, 4)).isNotNull();
		// the two directory entries swapped (each 24 bytes from byte 20), its checksum written again
		byte[] swapped = good.clone();
		System.arraycopy(good, 20, swapped, 44, 24);
		System.arraycopy(good, 44, swapped, 20, 24);
		Files.write(f, withChecksum(swapped, 2));
		assertThat(SegmentPostings.open(f, 4)).isNull();
		// the first entry's list emptied (number 0), the second one starting where it did
		byte[] empty = good.clone();
		ByteBuffer.wrap(empty).putInt(20 + 20, 0);
		Files.write(f, withChecksum(empty, 2));
		assertThat(SegmentPostings.open(f, 4)).isNull();
	}

	private static byte[] bytes(ByteBuffer b) {
		return Arrays.copyOf(b.array(), b.remaining());
	}

	private static byte[] withChecksum(byte[] file, int keys) {
		java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
		crc.update(file, 20, keys * 24);
		ByteBuffer.wrap(file).putLong(12, crc.getValue());
		return file;
	}

	@Test
	void aDamagedPositionIsRefusedWhenRead() throws IOException {
		long[] pairs = { (SegmentPostings.element(SegmentKeys.USER, 7) << 28) | 1,
				(SegmentPostings.element(SegmentKeys.USER, 7) << 28) | 3 };
		ByteBuffer b = SegmentPostings.image(pairs, 4);
		Path f = dir.resolve("x.post");
		byte[] bytes = Arrays.copyOf(b.array(), b.remaining());
		Files.write(f, bytes);
		assertThat(lines(SegmentPostings.open(f, 4), SegmentKeys.USER, 7)).containsExactly(1, 3);
		assertThat(SegmentPostings.open(f, 5)).as("another segment's count").isNull();
		// the last position (not under the directory's checksum) now says line 9 of a segment of 4
		bytes[bytes.length - 1] = 9;
		Files.write(f, bytes);
		assertThat(lines(SegmentPostings.open(f, 4), SegmentKeys.USER, 7)).isNull();
	}
}
