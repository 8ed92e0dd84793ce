package org.entente.journal.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealed segments' Bloom filters: written when a segment closes, rebuilt when missing or damaged, checked by verify. */
class SegmentKeysTest {

	@TempDir
	Path dir;

	/** Line i belongs to group i / 10: user « u-G », establishment 03599G0A. */
	private static List<Incoming> lines(long from, long to) {
		MessageDigest md = Merkle.sha256();
		List<Incoming> l = new ArrayList<>();
		for (long i = from; i < to; i++) {
			long g = i / 10;
			byte[] r = ("<134>1 - fw-" + g + " squid - - - user=u-" + g + " url=http://example.org/" + g + " line " + i)
				.getBytes(StandardCharsets.US_ASCII);
			IndexFields f = PARSER.parse(r, 0, r.length).withUai("03599" + g + "0A");
			l.add(Incoming.of(md, StoreFixture.T0 + i * 1000, "10.35." + g + ".1", "tcp://127.0.0.1:5514", r, 0, r.length, f));
		}
		return l;
	}

	/** 12 lines, one segment each (a 1-byte limit), a tree head every 4. */
	private void write12() throws IOException {
		try (JournalStore s = open()) {
			for (int g = 0; g < 3; g++) {
				for (int i = 0; i < 4; i++) {
					s.append(lines(g * 4 + i, g * 4 + i + 1));
				}
				s.signTreeHead(1000 + g);
			}
		}
	}

	private static final org.entente.journal.internal.intake.SyslogParser PARSER = new org.entente.journal.internal.intake.SyslogParser(
			java.time.ZoneId.of("Europe/Paris"));

	/** Segments of one line each (a 1-byte limit); lines read again as intake read them. */
	private JournalStore open() throws IOException {
		return JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(1, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> PARSER.parse(l.raw(), 0, l.raw().length));
	}

	private Path keysFile(long start) {
		return dir.resolve("segments").resolve(JournalStore.name(start) + ".keys");
	}

	@Test
	void aSealedSegmentSaysWhichKeysItMayHold() throws IOException {
		try (JournalStore s = open()) {
			s.append(lines(0, 10));
			s.append(lines(10, 20));
			s.append(lines(20, 21));
			List<JournalStore.SegmentInfo> infos = s.segmentInfos();
			// a 1-byte limit: every line has its own segment
			assertThat(infos).hasSize(21);
			JournalStore.SegmentInfo first = infos.get(0);
			assertThat(first.keys()).isNotNull();
			assertThat(infos.get(infos.size() - 1).keys()).as("the active segment has none yet").isNull();
			assertThat(Files.exists(keysFile(first.start()))).isTrue();
			SegmentKeys.Filter f = first.keys();
			long g = first.start() / 10;
			assertThat(f.mightContain(SegmentKeys.USER, IndexFields.key("u-" + g))).isTrue();
			assertThat(f.mightContain(SegmentKeys.USER, IndexFields.key("U-" + g))).as("keys ignore case").isTrue();
			assertThat(f.mightContain(SegmentKeys.HOST, IndexFields.key("fw-" + g))).isTrue();
			assertThat(f.mightContain(SegmentKeys.SENDER, IndexFields.key("10.35." + g + ".1"))).isTrue();
			assertThat(f.mightContain(SegmentKeys.DEST, IndexFields.key("http://example.org/" + g))).isTrue();
			byte[] uai = java.util.Arrays.copyOf(("03599" + g + "0A").getBytes(StandardCharsets.US_ASCII), 8);
			assertThat(f.mightContain(SegmentKeys.UAI, SegmentKeys.uaiKey(SegmentKeys.uaiBytes(uai)))).isTrue();
			// a user of another segment, and a host asked as a user: not there (fixed keys, Guava's fixed hashing)
			assertThat(f.mightContain(SegmentKeys.USER, IndexFields.key("u-" + (g + 7)))).isFalse();
			assertThat(f.mightContain(SegmentKeys.USER, IndexFields.key("fw-" + g))).isFalse();
		}
	}

	@Test
	void aMissingOrDamagedFilterIsRebuiltFromTheIndexAndAStaleOneOnTheActiveSegmentIsDropped() throws IOException {
		write12();
		List<Long> starts = JournalStore.listStarts(dir.resolve("segments"));
		assertThat(starts).hasSizeGreaterThanOrEqualTo(4);
		Files.delete(keysFile(starts.get(0)));
		byte[] damaged = Files.readAllBytes(keysFile(starts.get(1)));
		damaged[damaged.length - 1] ^= 1;
		Files.write(keysFile(starts.get(1)), damaged);
		// as if the writer died after sealing the last segment and before opening the next one
		long last = starts.get(starts.size() - 1);
		Files.copy(keysFile(starts.get(2)), keysFile(last));
		try (JournalStore s = open()) {
			List<JournalStore.SegmentInfo> infos = s.segmentInfos();
			assertThat(infos.subList(0, infos.size() - 1)).allMatch(i -> i.keys() != null);
			assertThat(SegmentKeys.read(keysFile(starts.get(0)))).isNotNull();
			assertThat(SegmentKeys.read(keysFile(starts.get(1)))).isNotNull();
			assertThat(infos.get(1).keys().mightContain(SegmentKeys.USER, IndexFields.key("u-" + starts.get(1) / 10))).isTrue();
			assertThat(Files.exists(keysFile(last))).isFalse();
			// the active segment goes on: what it held before the crash is in its filter once sealed
			long g = last / 10;
			s.append(lines(12, 13));
			assertThat(s.segmentInfos().stream().filter(i -> i.start() == last).findFirst().orElseThrow().keys()
				.mightContain(SegmentKeys.USER, IndexFields.key("u-" + g))).isTrue();
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
		}
	}

	@Test
	void verifyNamesALineThatTheFilterWouldHide() throws IOException {
		write12();
		List<Long> starts = JournalStore.listStarts(dir.resolve("segments"));
		// a well-formed filter that holds nothing: searches would skip the segment's lines
		SegmentKeys.write(keysFile(starts.get(1)), SegmentKeys.collecting().seal());
		try (JournalStore s = open()) {
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).isFalse();
			assertThat(v.firstBadIndex()).isEqualTo(starts.get(1));
			assertThat(v.problem()).contains("résumé du segment");
		}
	}
}
