package org.entente.journal.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/** One segment file with its leaf hashes and index entries; see {@link JournalStore} for the layout. */
final class Segment {

	private static final int HEADER = 12;

	final long start;
	volatile long count;
	/** Bytes written to the segment file (the writer's view). */
	volatile long bytes;
	volatile long minMicros = Long.MAX_VALUE;
	volatile long maxMicros = Long.MIN_VALUE;
	private long day;
	FileChannel seg;
	FileChannel leaves;
	FileChannel idx;
	/** The active segment's distinct keys (writer only); null once sealed. */
	volatile SegmentKeys collecting;
	/** A sealed segment's filter; null while active, or when it has none (scanned). */
	volatile SegmentKeys.Filter keys;
	/** A sealed segment's lines per key; null while active or until built (scanned meanwhile). */
	volatile SegmentPostings postings;
	/** Up while a block build is queued (one at a time). */
	final AtomicBoolean blockPending = new AtomicBoolean();
	/** While written (and until its file is built): the lines per key of its complete blocks, in order. */
	volatile List<SegmentPostings.Block> blocks = List.of();
	/** The values of the keys, collected while the segment was written, until its lines per key are built. */
	private volatile LongUnaryOperator sealedValues;
	/** Set by the purge, under this segment's lock, so that a late build leaves no file behind. */
	boolean purged;

	private Segment(long start) {
		this.start = start;
	}

	static Segment create(Path dir, long start, Instant at) throws IOException {
		Segment s = new Segment(start);
		String n = JournalStore.name(start);
		s.seg = FileChannel.open(dir.resolve(n + ".seg"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
		s.leaves = FileChannel.open(dir.resolve(n + ".leaves"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
		s.idx = FileChannel.open(dir.resolve(n + ".idx"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
		s.day = JournalStore.utcDay(at.getEpochSecond() * 1_000_000L);
		s.collecting = SegmentKeys.collecting();
		return s;
	}

	static Segment open(Path dir, long start, boolean last, StoreOptions options,
			Function<Line, IndexFields> indexer) throws IOException {
		Segment s = new Segment(start);
		String n = JournalStore.name(start);
		s.seg = FileChannel.open(dir.resolve(n + ".seg"), StandardOpenOption.READ, StandardOpenOption.WRITE);
		s.leaves = FileChannel.open(dir.resolve(n + ".leaves"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		s.idx = FileChannel.open(dir.resolve(n + ".idx"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		Path keysFile = dir.resolve(n + ".keys");
		if (last) {
			// written when sealing, before the next segment existed: a crash in between left it; this one goes on
			Files.deleteIfExists(keysFile);
			Files.deleteIfExists(s.postingsFile(dir));
			Files.deleteIfExists(dir.resolve(n + ".post.tmp"));
			s.recover(last, options, indexer);
			s.collecting = SegmentKeys.fromIndex(s.idx, s.count);
			return s;
		}
		if (!s.readSummary(dir.resolve(n + ".summary"))) {
			s.recover(last, options, indexer);
			s.writeSummary(dir);
		}
		Files.deleteIfExists(dir.resolve(n + ".post.tmp"));
		// its lines per key are opened (or rebuilt) by the store's builder thread, not on the way to start-up
		s.keys = SegmentKeys.read(keysFile);
		if (s.keys == null) {
			s.keys = SegmentKeys.fromIndex(s.idx, s.count).seal();
			if (s.keys != null) {
				SegmentKeys.write(keysFile, s.keys);
			}
		}
		return s;
	}

	private boolean readSummary(Path summary) throws IOException {
		if (!Files.exists(summary)) {
			return false;
		}
		try {
			List<String> l = Files.readAllLines(summary, StandardCharsets.US_ASCII);
			count = Long.parseLong(l.get(0).trim());
			minMicros = Long.parseLong(l.get(1).trim());
			maxMicros = Long.parseLong(l.get(2).trim());
		}
		catch (RuntimeException e) {
			// torn (written before summaries were atomic): recounted from the segment
			return false;
		}
		bytes = seg.size();
		return true;
	}

	/** Counts the complete records; cuts a torn last record (a crash mid-write) and completes short side files. */
	private void recover(boolean last, StoreOptions options, Function<Line, IndexFields> indexer) throws IOException {
		long pos = 0;
		long n = 0;
		long fileSize = seg.size();
		long leafEntries = leaves.size() / 32;
		long idxEntries = idx.size() / JournalStore.IDX;
		MessageDigest md = Merkle.sha256();
		ByteBuffer head = ByteBuffer.allocate(HEADER);
		while (pos + HEADER <= fileSize) {
			head.clear();
			seg.read(head, pos);
			int len = head.getInt(0);
			if (len < 8 + 1 + 8 || len > options.maxLeafData() + 8 || pos + 4 + len > fileSize) {
				break;
			}
			ByteBuffer rec = ByteBuffer.allocate(4 + len);
			seg.read(rec, pos);
			byte[] r = rec.array();
			long at = ByteBuffer.wrap(r).getLong(HEADER + 1);
			minMicros = Math.min(minMicros, at);
			maxMicros = Math.max(maxMicros, at);
			if (n >= leafEntries) {
				leaves.write(ByteBuffer.wrap(Merkle.leafHash(md, r, HEADER, r.length - HEADER)), n * 32);
			}
			if (n >= idxEntries) {
				Line line = Line.decode(start + n, r, HEADER, r.length - HEADER);
				IndexFields f = line == null ? IndexFields.NONE : indexer.apply(line);
				ByteBuffer e = ByteBuffer.allocate(JournalStore.IDX);
				JournalStore.putIndex(e, pos, at, f, line == null ? 0 : IndexFields.key(line.sender()));
				e.flip();
				idx.write(e, n * JournalStore.IDX);
			}
			pos += 4 + len;
			n++;
		}
		if (last && pos < fileSize) {
			seg.truncate(pos);
		}
		if (last) {
			if (leaves.size() > n * 32) {
				leaves.truncate(n * 32);
			}
			if (idx.size() > n * JournalStore.IDX) {
				idx.truncate(n * JournalStore.IDX);
			}
			seg.force(false);
			leaves.force(false);
			idx.force(false);
		}
		count = n;
		bytes = pos;
		seg.position(pos);
		leaves.position(n * 32);
		idx.position(n * JournalStore.IDX);
		day = count == 0 ? JournalStore.utcDay(System.currentTimeMillis() * 1000) : JournalStore.utcDay(maxMicros);
	}

	/** Rebuilds the right edge of the tree from the checkpoint at this segment's start and its leaf hashes. */
	void replayLeaves(CompactRange range) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(32 * 4096);
		long p = 0;
		long end = count * 32;
		while (p < end) {
			b.clear();
			b.limit((int) Math.min(b.capacity(), end - p));
			int r = leaves.read(b, p);
			if (r <= 0) {
				throw new IOException("leaf hashes of segment " + start + " are short");
			}
			p += r;
			b.flip();
			while (b.remaining() >= 32) {
				byte[] h = new byte[32];
				b.get(h);
				range.append(h);
			}
		}
	}

	boolean shouldRoll(Incoming in, long pendingBytes, StoreOptions options) {
		if (pendingBytes == 0) {
			day = JournalStore.utcDay(in.receivedAtMicros());
			return false;
		}
		return pendingBytes >= options.maxSegmentBytes() || JournalStore.utcDay(in.receivedAtMicros()) > day;
	}

	void noteTime(long micros) {
		if (micros < minMicros) {
			minMicros = micros;
		}
		if (micros > maxMicros) {
			maxMicros = micros;
		}
	}

	void writeSummary(Path dir) throws IOException {
		Path f = dir.resolve(JournalStore.name(start) + ".summary");
		Path tmp = dir.resolve(JournalStore.name(start) + ".summary.tmp");
		Files.writeString(tmp, count + "\n" + minMicros + "\n" + maxMicros + "\n", StandardCharsets.US_ASCII);
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
			ch.force(true);
		}
		Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/** Turns the collected keys into the segment's filter, stored next to it (called when it closes). */
	void sealKeys(Path dir) throws IOException {
		SegmentKeys.Filter f = collecting == null ? null : collecting.seal();
		if (f != null) {
			SegmentKeys.write(dir.resolve(JournalStore.name(start) + ".keys"), f);
		}
		sealedValues = collecting == null ? null : collecting.values();
		collecting = null;
		keys = f;
	}

	/**
	 * Whether the lines written so far complete a block that has no lines per key yet: within the positions a pair
	 * holds, and up to {@link SegmentPostings#MAX_BLOCKS} (beyond, the rest of the segment is read entry by entry).
	 */
	boolean needsBlock() {
		int n = blocks.size();
		long to = (long) (n + 1) * SegmentPostings.BLOCK;
		return collecting != null && n < SegmentPostings.MAX_BLOCKS && count >= to && SegmentPostings.fits(to);
	}

	/** Builds the lines per key of the next complete block from the index already written (lines below count). */
	void buildBlock() throws IOException {
		List<SegmentPostings.Block> done = blocks;
		long from = (long) done.size() * SegmentPostings.BLOCK;
		long to = from + SegmentPostings.BLOCK;
		if (to > count) {
			return;
		}
		List<SegmentPostings.Block> more = new ArrayList<>(done);
		more.add(new SegmentPostings.Block(from, to, SegmentPostings.pairs(idx, from, to)));
		blocks = List.copyOf(more);
	}

	Path postingsFile(Path dir) {
		return dir.resolve(JournalStore.name(start) + ".post");
	}

	/** Whether this sealed segment still lacks its lines per key (built off the writing thread). */
	boolean needsPostings() {
		return postings == null && collecting == null && count > 0 && SegmentPostings.fits(count);
	}

	/**
	 * Opens the stored lines per key, or builds them from the index and the lines when missing, damaged or of another
	 * format; a segment purged meanwhile keeps no file.
	 */
	void buildPostings(Path dir, Function<Line, IndexFields> indexer) throws IOException {
		Path f = postingsFile(dir);
		synchronized (this) {
			if (purged) {
				return;
			}
			SegmentPostings stored = SegmentPostings.open(f, count);
			if (stored != null) {
				postings = stored;
				blocks = List.of();
				return;
			}
		}
		LongUnaryOperator known = sealedValues;
		// values collected while writing; otherwise (opening, a restart mid-segment) read again from the lines
		SegmentKeys.writeAtomically(f, known != null ? SegmentPostings.image(SegmentPostings.pairs(idx, count), count, known)
				: SegmentPostings.build(idx, count, values(indexer)));
		sealedValues = null;
		synchronized (this) {
			if (purged) {
				Files.deleteIfExists(f);
				return;
			}
			postings = SegmentPostings.open(f, count);
			if (postings != null) {
				blocks = List.of();
			}
		}
	}

	/** The segment's lines read in order (one large read after another), each with what the indexer reads in it. */
	SegmentPostings.LineValues values(Function<Line, IndexFields> indexer) {
		return each -> {
			ByteBuffer b = ByteBuffer.allocate(1 << 20);
			b.flip();
			long filePos = 0; // where b's content ends in the file
			for (long n = 0; n < count; n++) {
				if (recordLength(b) < 0) {
					b.compact();
					while (b.hasRemaining()) {
						int r = seg.read(b, filePos);
						if (r <= 0) {
							break;
						}
						filePos += r;
					}
					b.flip();
				}
				int len = recordLength(b);
				byte[] r;
				if (len >= 0) {
					r = new byte[len];
					b.get(r);
				}
				else {
					// longer than the buffer, or torn
					long at = filePos - b.remaining();
					r = readRecordAt(at);
					if (r == null) {
						return;
					}
					filePos = at + r.length;
					b.clear().flip();
				}
				Line l = Line.decode(start + n, r, HEADER, r.length - HEADER);
				each.line(n, l == null ? null : l.sender(), l == null ? null : indexer.apply(l));
			}
		};
	}

	/** The whole record's length when it is all in {@code b}, else -1. */
	private static int recordLength(ByteBuffer b) {
		if (b.remaining() < 4) {
			return -1;
		}
		int len = b.getInt(b.position());
		return len >= 8 + 1 + 8 && len <= (1 << 28) && b.remaining() >= 4 + len ? 4 + len : -1;
	}

	void closeForWriting() {
		// channels stay open for reading; nothing more is written to them
	}

	long storedBytes() throws IOException {
		return seg.size();
	}

	ByteBuffer indexEntry(long i) throws IOException {
		return readIdx(i, 1);
	}

	ByteBuffer readIdx(long from, int n) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(n * JournalStore.IDX);
		long p = from * JournalStore.IDX;
		while (b.hasRemaining()) {
			int r = idx.read(b, p + b.position());
			if (r < 0) {
				throw new IOException("index of segment " + start + " is short");
			}
		}
		b.flip();
		return b;
	}

	/** Bytes read at once for a record: most lines fit, so that one read brings a line in. */
	private static final int FIRST_READ = 512;

	/** The record at a byte offset (length, index and leaf data), or null when it is torn or out of bounds. */
	byte[] readRecordAt(long offset) throws IOException {
		ByteBuffer first = ByteBuffer.allocate(FIRST_READ);
		while (first.hasRemaining()) {
			if (seg.read(first, offset + first.position()) < 0) {
				break;
			}
		}
		if (first.position() < 4) {
			return null;
		}
		int len = first.getInt(0);
		if (len < 8 + 1 + 8 || len > (1 << 28)) {
			return null;
		}
		if (4 + len <= first.position()) {
			return java.util.Arrays.copyOf(first.array(), 4 + len);
		}
		ByteBuffer rec = ByteBuffer.allocate(4 + len);
		first.flip();
		rec.put(first);
		while (rec.hasRemaining()) {
			int r = seg.read(rec, offset + rec.position());
			if (r < 0) {
				return null;
			}
		}
		return rec.array();
	}

	Line readRecord(long offset, long index) throws IOException {
		byte[] r = readRecordAt(offset);
		if (r == null) {
			return null;
		}
		return Line.decode(index, r, HEADER, r.length - HEADER);
	}

	void closeQuietly() {
		SegmentPostings p = postings;
		if (p != null) {
			p.close();
		}
		for (FileChannel c : new FileChannel[] { seg, leaves, idx }) {
			try {
				c.close();
			}
			catch (IOException e) {
				// closing
			}
		}
	}
}
