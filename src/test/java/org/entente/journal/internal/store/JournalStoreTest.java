package org.entente.journal.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage, tree heads and verify: each kind of tampering is named. */
class JournalStoreTest {

	@TempDir
	Path dir;

	/** 40 lines over several small segments, a tree head every 10 lines. */
	private void write40() throws IOException {
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			for (int b = 0; b < 4; b++) {
				s.append(StoreFixture.lines(b * 10, b * 10 + 10));
				s.signTreeHead(1000 + b);
			}
		}
	}

	private JournalStore.Verification verifyAgain() throws IOException {
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			return s.verify();
		}
	}

	private Path segmentHolding(long index) throws IOException {
		List<Long> starts = JournalStore.listStarts(dir.resolve("segments"));
		long start = starts.stream().filter(s -> s <= index).reduce((a, b) -> b).orElseThrow();
		return dir.resolve("segments").resolve(JournalStore.name(start) + ".seg");
	}

	/** The records of a segment file, each with its header. */
	private static List<byte[]> records(Path seg) throws IOException {
		byte[] all = Files.readAllBytes(seg);
		List<byte[]> out = new ArrayList<>();
		ByteBuffer b = ByteBuffer.wrap(all);
		while (b.remaining() >= 4) {
			int len = b.getInt(b.position());
			byte[] r = new byte[4 + len];
			b.get(r);
			out.add(r);
		}
		return out;
	}

	private static void writeRecords(Path seg, List<byte[]> recs) throws IOException {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		for (byte[] r : recs) {
			o.write(r);
		}
		Files.write(seg, o.toByteArray());
	}

	private static long recordIndex(byte[] rec) {
		return ByteBuffer.wrap(rec).getLong(4);
	}

	@Test
	void keepsLinesByteForByteAndVerifies() throws IOException {
		write40();
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			assertThat(s.size()).isEqualTo(40);
			assertThat(s.segmentInfos()).hasSizeGreaterThan(3);
			for (long i = 0; i < 40; i++) {
				Line l = s.read(i);
				assertThat(l.raw()).isEqualTo(StoreFixture.raw(i));
				assertThat(l.receivedAtMicros()).isEqualTo(StoreFixture.T0 + i * 1000);
				assertThat(l.sender()).isEqualTo("10.35.1." + i);
				assertThat(l.receiver()).isEqualTo("tcp://127.0.0.1:5514");
			}
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
			assertThat(v.lines()).isEqualTo(40);
			assertThat(v.rootHash()).isEqualTo(s.latestHead().rootHex());
			assertThat(s.treeHeads()).hasSize(4).allMatch(h -> h.verify(s.key().publicKey()));
			// the raw bytes are in the segment file as they came
			String seg = new String(Files.readAllBytes(segmentHolding(12)), StandardCharsets.ISO_8859_1);
			assertThat(seg).contains(new String(StoreFixture.raw(12), StandardCharsets.ISO_8859_1));
		}
	}

	@Test
	void aHeadOverTheEmptyTreeComesFirstAndLaterHeadsAreStillChecked() throws IOException {
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			s.signTreeHead(1);
			s.append(StoreFixture.lines(0, 10));
			s.signTreeHead(2);
		}
		Path heads = dir.resolve("heads/tree-heads.jsonl");
		List<String> l = new ArrayList<>(Files.readAllLines(heads));
		TreeHead second = TreeHead.parse(l.get(1));
		TreeHead wrong = SigningKey.loadOrCreate(dir.resolve("keys/signing.key")).sign(second.treeSize(), second.timestamp(),
				Merkle.leafHash(new byte[] { 1 }));
		l.set(1, wrong.toJson());
		Files.write(heads, l);
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadTreeHead()).isEqualTo(1L);
	}

	@Test
	void aChangedByteIsNamed() throws IOException {
		write40();
		Path seg = segmentHolding(17);
		byte[] all = Files.readAllBytes(seg);
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int at = text.indexOf("line 17");
		all[at + 5] = '8';
		Files.write(seg, all);
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadIndex()).isEqualTo(17);
	}

	@Test
	void aChangedByteWithItsLeafHashRecomputedIsCaughtByTheTreeHead() throws IOException {
		write40();
		Path seg = segmentHolding(17);
		List<byte[]> recs = records(seg);
		long start = recordIndex(recs.get(0));
		byte[] rec = recs.get((int) (17 - start));
		String text = new String(rec, StandardCharsets.ISO_8859_1);
		rec[text.indexOf("line 17") + 5] = '8';
		Files.write(seg, concat(recs));
		byte[] leaf = Merkle.leafHash(Merkle.sha256(), rec, 12, rec.length - 12);
		try (FileChannel ch = FileChannel.open(dir.resolve("segments").resolve(JournalStore.name(start) + ".leaves"),
				StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(leaf), (17 - start) * 32);
		}
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadTreeHead()).isEqualTo(1L);
	}

	private static byte[] concat(List<byte[]> recs) throws IOException {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		for (byte[] r : recs) {
			o.write(r);
		}
		return o.toByteArray();
	}

	@Test
	void aRemovedLineIsNamed() throws IOException {
		write40();
		Path seg = segmentHolding(22);
		List<byte[]> recs = records(seg);
		recs.removeIf(r -> recordIndex(r) == 22);
		writeRecords(seg, recs);
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadIndex()).isEqualTo(22);
	}

	@Test
	void anInsertedLineIsNamed() throws IOException {
		write40();
		Path seg = segmentHolding(22);
		List<byte[]> recs = records(seg);
		int pos = 0;
		while (recordIndex(recs.get(pos)) != 22) {
			pos++;
		}
		byte[] forged = recs.get(pos).clone();
		String t = new String(forged, StandardCharsets.ISO_8859_1);
		forged[t.indexOf("eleve22")] = 'X';
		recs.add(pos, forged);
		writeRecords(seg, recs);
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadIndex()).isEqualTo(22);
	}

	@Test
	void aTruncatedSegmentIsNamed() throws IOException {
		write40();
		// the last segment, cut in the middle of a line covered by a tree head
		Path last = segmentHolding(39);
		List<byte[]> recs = records(last);
		long firstInLast = recordIndex(recs.get(0));
		long cut = Files.size(last) - recs.get(recs.size() - 1).length - 10;
		try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
			ch.truncate(cut);
		}
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadIndex()).isEqualTo(firstInLast + recs.size() - 2);
		// and a segment in the middle, cut short
		write40Fresh();
		Path middle = segmentHolding(12);
		List<byte[]> m = records(middle);
		long lastInMiddle = recordIndex(m.get(m.size() - 1));
		try (FileChannel ch = FileChannel.open(middle, StandardOpenOption.WRITE)) {
			ch.truncate(Files.size(middle) - 5);
		}
		JournalStore.Verification v2 = verifyAgain();
		assertThat(v2.ok()).isFalse();
		assertThat(v2.firstBadIndex()).isEqualTo(lastInMiddle);
	}

	private void write40Fresh() throws IOException {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
		}
		write40();
	}

	@Test
	void aReplacedTreeHeadIsNamed() throws IOException {
		write40();
		Path heads = dir.resolve("heads/tree-heads.jsonl");
		List<String> l = new ArrayList<>(Files.readAllLines(heads));
		TreeHead original = TreeHead.parse(l.get(2));
		// signed by another key over the same tree
		TreeHead forged = SigningKey.generate().sign(original.treeSize(), original.timestamp(), original.rootHash());
		l.set(2, forged.toJson());
		Files.write(heads, l);
		JournalStore.Verification v = verifyAgain();
		assertThat(v.ok()).isFalse();
		assertThat(v.firstBadTreeHead()).isEqualTo(2L);
		// a properly signed head that goes back in time
		l.set(2, TreeHead.parse(Files.readAllLines(heads).get(0)).toJson());
		l.set(2, Files.readAllLines(heads).get(0));
		Files.write(heads, l);
		assertThat(verifyAgain().firstBadTreeHead()).isEqualTo(2L);
	}

	@Test
	void proofsFromTheStoreMatchItsTreeHeads() throws IOException {
		write40();
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			List<TreeHead> heads = s.treeHeads();
			TreeHead small = heads.get(0);
			TreeHead big = heads.get(3);
			List<byte[]> c = Merkle.consistencyProof(s.nodes(), small.treeSize(), big.treeSize());
			assertThat(Merkle.verifyConsistency(small.treeSize(), big.treeSize(), small.rootHash(), big.rootHash(), c)).isTrue();
			for (long i : new long[] { 0, 7, 33, 39 }) {
				List<byte[]> p = Merkle.inclusionProof(s.nodes(), i, big.treeSize());
				assertThat(Merkle.verifyInclusion(i, big.treeSize(), s.read(i).leafHash(), p, big.rootHash())).isTrue();
			}
		}
	}

	@Test
	void aPurgeRemovesWholeOldSegmentsAndTheTreeStaysVerifiable() throws IOException {
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			s.append(StoreFixture.lines(0, 25));
			s.signTreeHead(1);
			s.append(StoreFixture.lines(25, 40));
			s.signTreeHead(2);
			long cutoffMicros = StoreFixture.T0 + 20 * 1000;
			JournalStore.Purge p = s.purgeBefore(Instant.ofEpochSecond(0, cutoffMicros * 1000), Instant.parse("2027-01-01T00:00:00Z"));
			assertThat(p.segments()).as(s.segmentInfos().toString()).isPositive();
			assertThat(s.firstIndex()).isPositive().isLessThanOrEqualTo(20);
			assertThat(s.read(0)).isNull();
			assertThat(s.purgeRecords()).hasSize(1);
			JournalStore.Verification v = s.verify();
			assertThat(v.ok()).as(v.problem()).isTrue();
			assertThat(v.rootHash()).isEqualTo(s.latestHead().rootHex());
			// proofs still work for kept lines, through the pruned subtree hashes
			TreeHead h = s.latestHead();
			long kept = s.firstIndex();
			List<byte[]> proof = Merkle.inclusionProof(s.nodes(), kept, h.treeSize());
			assertThat(Merkle.verifyInclusion(kept, h.treeSize(), s.read(kept).leafHash(), proof, h.rootHash())).isTrue();
			List<byte[]> range = RangeProof.prove(s.nodes(), h.treeSize(), LongStream.range(kept, 40).iterator());
			List<byte[]> leaves = LongStream.range(kept, 40).mapToObj(i -> s.read(i).leafHash()).toList();
			assertThat(RangeProof.root(h.treeSize(), LongStream.range(kept, 40).boxed().iterator(), leaves.iterator(),
					range.iterator())).isEqualTo(h.rootHash());
		}
		try (JournalStore s = StoreFixture.open(dir, 1500)) {
			assertThat(s.verify().ok()).isTrue();
			s.append(StoreFixture.lines(40, 45));
			s.signTreeHead(3);
			assertThat(s.verify().ok()).isTrue();
		}
	}
}
