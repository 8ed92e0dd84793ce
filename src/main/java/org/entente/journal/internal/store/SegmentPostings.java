package org.entente.journal.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.zip.CRC32C;

/**
 * The lines of each key of a sealed segment, so that a search for a value present a little every day (a pupil, a
 * workstation) reads only its lines instead of the whole index: for every establishment, sender, host, user and
 * destination key of {@link SegmentKeys}, the ascending positions (from the segment's start) of the lines that have it.
 * <p>
 * The index keeps 32-bit hashes of the values, which two values may share: each key of the directory also says which
 * value its lines have ({@link IndexFields#exactKey}, 64 bits; for an establishment its 8 bytes), read from the lines
 * themselves when the file is built, or 0 when they do not all have the same one (or the index and the line
 * disagree). A search for a value whose key says it exactly counts the listed lines without reading them; otherwise
 * it reads and confirms each one, as before.
 * <p>
 * File {@code S.post}: magic, line count, key count, CRC-32C of the directory; the directory (key count × element (8)
 * · value (8) · first position (4) · number (4), sorted by element); then the positions (4 bytes each). It is built
 * from {@code S.idx} and the segment's lines, off the writing thread once the segment is sealed, and written
 * atomically. It is read by positioned reads, not mapped: a page fault on a mapping reads ahead around it (megabytes
 * on a cold disk), a read brings only what it asks. Opening checks the header and the directory and keeps every
 * 256th element of it in memory, so that a lookup reads one block of the directory; {@code verify} rebuilds it and
 * names the first line it would hide. Missing, damaged or of another format, it is rebuilt, and until then the segment
 * is scanned as before.
 * <p>
 * Longer than the 300 lines of the conventions: the file's layout, its building, its checks and the in-memory blocks
 * of the segment being written must agree on the same packing of (key, position), which is clearest in one place.
 */
public final class SegmentPostings implements KeyLists {

	/**
	 * The lines per key of one block of {@link #BLOCK} lines of the segment being written, in memory (sorted pairs):
	 * what a search reads there instead of the block's index. Values are not known (0): each line is confirmed.
	 */
	public record Block(long from, long to, long[] pairs) implements KeyLists {

		@Override
		public Listed listed(int tag, int key) {
			long e = element(tag, key) << LINE_BITS;
			int lo = lowerBound(pairs, e);
			int hi = lowerBound(pairs, e + (1L << LINE_BITS));
			int[] out = new int[hi - lo];
			for (int i = lo; i < hi; i++) {
				out[i - lo] = (int) (pairs[i] & LINE_MASK);
			}
			return new Listed(out, 0);
		}

		/** Where {@code v} is or would go: the pairs are distinct, so it is the first one not below {@code v}. */
		private static int lowerBound(long[] a, long v) {
			int i = Arrays.binarySearch(a, v);
			return i >= 0 ? i : -i - 1;
		}
	}

	/** Lines of a block of the segment being written (64 Ki: a block's pairs take about 2.6 MB). */
	public static final int BLOCK = 1 << 16;
	/** At most this many blocks (2 Mi lines, ~84 MB): a segment of very short lines reads its last entries one by one. */
	static final int MAX_BLOCKS = 32;

	/**
	 * "JKP3". The values come from {@code SyslogParser}: change the magic when it reads host, user or destination
	 * differently, so that files of the old reading are rebuilt rather than reported by verify.
	 */
	private static final int MAGIC = 0x4a4b5033;
	private static final int HEAD = 4 + 4 + 4 + 8;
	private static final int DIR = 24;
	/** Every 256th element of the directory, read on opening: a lookup then reads one block of it. */
	private final long[] sample;
	private static final int SAMPLE = 256;
	/** Positions take the low bits of a sorted long, the element the high ones (tag 3 bits, key 32): all positive. */
	private static final int LINE_BITS = 28;
	private static final long LINE_MASK = (1L << LINE_BITS) - 1;

	private final Path path;
	private volatile FileChannel file;
	private final long size;
	private final int keys;
	private final long lines;

	private SegmentPostings(Path path, FileChannel file, long size, int keys, long lines, long[] sample) {
		this.path = path;
		this.file = file;
		this.size = size;
		this.keys = keys;
		this.lines = lines;
		this.sample = sample;
	}

	/** One key of the directory: its element, the value of its lines, where its positions start and how many. */
	private record Entry(long element, long value, int first, int n) {
	}

	private ByteBuffer read(long at, int n) throws IOException {
		try {
			return readOnce(at, n);
		}
		catch (ClosedByInterruptException e) {
			// an interrupted reader closed the channel for everyone: open it again, once
			synchronized (this) {
				if (!closed && !file.isOpen()) {
					file = FileChannel.open(path, StandardOpenOption.READ);
				}
			}
			throw e;
		}
		catch (ClosedChannelException e) {
			synchronized (this) {
				if (closed) {
					throw e;
				}
				if (!file.isOpen()) {
					file = FileChannel.open(path, StandardOpenOption.READ);
				}
			}
			return readOnce(at, n);
		}
	}

	private ByteBuffer readOnce(long at, int n) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(n);
		while (b.hasRemaining()) {
			if (file.read(b, at + b.position()) < 0) {
				throw new IOException("lines per key are short");
			}
		}
		return b.flip();
	}

	private boolean closed;

	synchronized void close() {
		closed = true;
		try {
			file.close();
		}
		catch (IOException e) {
			// closing
		}
	}

	/**
	 * The lines listed under a key: their positions, ascending, and the value they all have (0: not known to be one).
	 * {@code positions} is null when the file is damaged there (a position out of order or past the segment).
	 */
	public record Listed(int[] positions, long value) {

		static final Listed NONE = new Listed(new int[0], 0);

		/** Whether these are exactly the lines whose value is {@code value} (no line needs reading to know). */
		public boolean exactlyFor(long value) {
			return positions != null && (positions.length == 0 || this.value != 0 && this.value == value);
		}
	}

	/** The lines listed under {@code key} in the field {@code tag}; positions null when unreadable or damaged. */
	@Override
	public Listed listed(int tag, int key) {
		try {
			Entry d = find(element(tag, key));
			if (d == null) {
				return Listed.NONE;
			}
			long total = (size - positions()) / 4;
			if (d.first() < 0 || d.n() < 0 || (long) d.first() + d.n() > total) {
				return new Listed(null, d.value());
			}
			int[] out = new int[d.n()];
			read(positions() + (long) d.first() * 4, d.n() * 4).asIntBuffer().get(out);
			for (int i = 0; i < out.length; i++) {
				if (out[i] < 0 || out[i] >= lines || (i > 0 && out[i] <= out[i - 1])) {
					return new Listed(null, d.value());
				}
			}
			return new Listed(out, d.value());
		}
		catch (IOException e) {
			return new Listed(null, 0);
		}
	}

	public int keys() {
		return keys;
	}

	private long positions() {
		return HEAD + (long) keys * DIR;
	}

	private Entry find(long e) throws IOException {
		// the last sampled element not above e starts the block that may hold it
		int at = Arrays.binarySearch(sample, e);
		int block = at >= 0 ? at : -at - 2;
		if (block < 0) {
			return null;
		}
		int from = block * SAMPLE;
		int n = Math.min(keys - from, SAMPLE);
		ByteBuffer b = read(HEAD + (long) from * DIR, n * DIR);
		int lo = 0;
		int hi = n - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			long m = b.getLong(mid * DIR);
			if (m < e) {
				lo = mid + 1;
			}
			else if (m > e) {
				hi = mid - 1;
			}
			else {
				return new Entry(m, b.getLong(mid * DIR + 8), b.getInt(mid * DIR + 16), b.getInt(mid * DIR + 20));
			}
		}
		return null;
	}

	static long element(int tag, int key) {
		return ((long) tag << 32) | (key & 0xffffffffL);
	}

	// ---- building

	/** Whether a segment of {@code count} lines can have a file (positions fit their bits, the file 2 GB). */
	static boolean fits(long count) {
		return count <= LINE_MASK && count * 5 * 4 + HEAD + count * 5 * DIR < Integer.MAX_VALUE;
	}

	/**
	 * The sorted (element, position) pairs of {@code count} index entries: what the file holds, and what verify compares
	 * it with.
	 */
	static long[] pairs(FileChannel idx, long count) throws IOException {
		return pairs(idx, 0, count);
	}

	/** The sorted pairs of the index entries from {@code start} to {@code end} (positions from the segment's start). */
	static long[] pairs(FileChannel idx, long start, long end) throws IOException {
		long[] p = new long[(int) (end - start) * 5];
		int[] n = { 0 };
		SegmentKeys.readIndex(idx, start, end, (b, from, m) -> {
			for (int e = 0; e < m; e++) {
				int base = e * JournalStore.IDX;
				long line = from + e;
				long uai = b.getLong(base + JournalStore.IDX_UAI);
				if (uai != 0) {
					p[n[0]++] = pair(SegmentKeys.UAI, SegmentKeys.uaiKey(uai), line);
				}
				n[0] = put(p, n[0], SegmentKeys.SENDER, b.getInt(base + JournalStore.IDX_SENDER), line);
				n[0] = put(p, n[0], SegmentKeys.HOST, b.getInt(base + JournalStore.IDX_HOST), line);
				n[0] = put(p, n[0], SegmentKeys.USER, b.getInt(base + JournalStore.IDX_USER), line);
				n[0] = put(p, n[0], SegmentKeys.DEST, b.getInt(base + JournalStore.IDX_DEST), line);
			}
			return true;
		});
		long[] out = n[0] == p.length ? p : Arrays.copyOf(p, n[0]);
		// one thread: the writer and the receivers have the others
		Arrays.sort(out);
		return out;
	}

	private static int put(long[] p, int n, int tag, int key, long line) {
		if (key != 0) {
			p[n++] = pair(tag, key, line);
		}
		return n;
	}

	private static long pair(int tag, int key, long line) {
		return (element(tag, key) << LINE_BITS) | line;
	}

	/** The file's bytes for sorted pairs, no value known. */
	static ByteBuffer image(long[] pairs, long count) {
		return image(pairs, count, e -> 0);
	}

	/** The file's bytes for sorted pairs, with each element's value ({@link Listed#value}). */
	static ByteBuffer image(long[] pairs, long count, LongUnaryOperator valueOf) {
		int keys = 0;
		for (int i = 0; i < pairs.length; i++) {
			if (i == 0 || pairs[i] >>> LINE_BITS != pairs[i - 1] >>> LINE_BITS) {
				keys++;
			}
		}
		ByteBuffer b = ByteBuffer.allocate(HEAD + keys * DIR + pairs.length * 4);
		b.position(HEAD);
		int start = 0;
		for (int i = 0; i <= pairs.length; i++) {
			if (i == pairs.length || (i > start && pairs[i] >>> LINE_BITS != pairs[start] >>> LINE_BITS)) {
				if (i > start) {
					long e = pairs[start] >>> LINE_BITS;
					b.putLong(e).putLong(valueOf.applyAsLong(e)).putInt(start).putInt(i - start);
				}
				start = i;
			}
		}
		for (long p : pairs) {
			b.putInt((int) (p & LINE_MASK));
		}
		CRC32C dir = new CRC32C();
		dir.update(b.array(), HEAD, keys * DIR);
		b.putInt(0, MAGIC).putInt(4, (int) count).putInt(8, keys).putLong(12, dir.getValue());
		b.position(0);
		return b;
	}

	/**
	 * What the lines of a segment say, read in order: for the line at a position, its value in each field (null when
	 * it has none or could not be read), as {@link #valuesOf} gives them.
	 */
	interface LineValues {
		/** Calls {@code each} for every line of the segment, in order. */
		void forEach(ValuesOfLine each) throws IOException;
	}

	interface ValuesOfLine {
		void line(long position, String sender, IndexFields fields);
	}

	/**
	 * The value of each element of the index, read from the lines: the 64-bit key of the value when every line
	 * listed under it has the same one and its index entry agrees, 0 otherwise.
	 */
	static Map<Long, Long> values(FileChannel idx, long count, LineValues lines) throws IOException {
		Map<Long, Long> out = new HashMap<>();
		long[] seen = { 0 };
		int chunk = 8192;
		ByteBuffer b = ByteBuffer.allocate(chunk * JournalStore.IDX);
		long[] loaded = { 0, 0 }; // first position in b, positions in b
		lines.forEach((position, sender, f) -> {
			if (position < loaded[0] || position >= loaded[0] + loaded[1]) {
				int n = (int) Math.min(chunk, count - position);
				b.clear().limit(Math.max(0, n) * JournalStore.IDX);
				try {
					while (b.hasRemaining()) {
						if (idx.read(b, position * JournalStore.IDX + b.position()) < 0) {
							throw new IOException("index is short");
						}
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				loaded[0] = position;
				loaded[1] = Math.max(0, n);
				if (n <= 0) {
					return;
				}
			}
			seen[0]++;
			int base = (int) (position - loaded[0]) * JournalStore.IDX;
			long uai = b.getLong(base + JournalStore.IDX_UAI);
			if (uai != 0) {
				out.merge(element(SegmentKeys.UAI, SegmentKeys.uaiKey(uai)), uai, SegmentPostings::same);
			}
			value(out, SegmentKeys.SENDER, b.getInt(base + JournalStore.IDX_SENDER), sender);
			value(out, SegmentKeys.HOST, b.getInt(base + JournalStore.IDX_HOST), f == null ? null : f.host());
			value(out, SegmentKeys.USER, b.getInt(base + JournalStore.IDX_USER), f == null ? null : f.user());
			value(out, SegmentKeys.DEST, b.getInt(base + JournalStore.IDX_DEST), f == null ? null : f.destination());
		});
		// a line that could not be read: no list can say its value (a count must not include what reading skips)
		return seen[0] == count ? out : Map.of();
	}

	private static void value(Map<Long, Long> out, int tag, int key, String value) {
		if (key == 0) {
			return;
		}
		long v = IndexFields.key(value) == key ? IndexFields.exactKey(value) : 0;
		out.merge(element(tag, key), v, SegmentPostings::same);
	}

	private static Long same(Long a, Long b) {
		return a.longValue() == b.longValue() ? a : 0L;
	}

	/** The file's bytes for a segment: its index's pairs and its lines' values. */
	static ByteBuffer build(FileChannel idx, long count, LineValues lines) throws IOException {
		long[] pairs = pairs(idx, count);
		Map<Long, Long> values = values(idx, count, lines);
		return image(pairs, count, e -> values.getOrDefault(e, 0L));
	}

	/**
	 * The stored file of a segment of {@code count} lines, open for reading, or null when it is missing, torn, of another count,
	 * or its directory is damaged (then the caller rebuilds it). The positions are checked as they are read
	 * ({@link #lines}) and by verify.
	 */
	static SegmentPostings open(Path file, long count) {
		FileChannel ch = null;
		try {
			if (!Files.exists(file)) {
				return null;
			}
			ch = FileChannel.open(file, StandardOpenOption.READ);
			long size = ch.size();
			ByteBuffer head = ByteBuffer.allocate(HEAD);
			if (size < HEAD || size > Integer.MAX_VALUE || ch.read(head, 0) < HEAD) {
				ch.close();
				return null;
			}
			int keys = head.getInt(8);
			if (head.getInt(0) != MAGIC || head.getInt(4) != count || keys < 0 || HEAD + (long) keys * DIR > size
					|| (size - HEAD - (long) keys * DIR) % 4 != 0) {
				ch.close();
				return null;
			}
			// the directory once: its checksum, its order and extents, and every 256th element kept
			ByteBuffer directory = ByteBuffer.allocate(keys * DIR);
			while (directory.hasRemaining()) {
				if (ch.read(directory, HEAD + directory.position()) < 0) {
					throw new IOException("directory is short");
				}
			}
			directory.flip();
			CRC32C crc = new CRC32C();
			crc.update(directory.duplicate());
			if (crc.getValue() != head.getLong(12) || !laidOut(directory, 0, keys, (size - HEAD - (long) keys * DIR) / 4)) {
				ch.close();
				return null;
			}
			long[] sample = new long[(keys + SAMPLE - 1) / SAMPLE];
			for (int i = 0; i < sample.length; i++) {
				sample[i] = directory.getLong(i * SAMPLE * DIR);
			}
			return new SegmentPostings(file, ch, size, keys, count, sample);
		}
		catch (IOException | RuntimeException e) {
			// unreadable: the segment is scanned until the file is rebuilt
			if (ch != null) {
				try {
					ch.close();
				}
				catch (IOException closing) {
					e.addSuppressed(closing);
				}
			}
			return null;
		}
	}

	/**
	 * Whether the directory of {@code keys} entries from {@code at} in {@code b} is laid out as {@link #image} lays it
	 * out: elements strictly ascending, each list right after the previous one, none empty, all the positions used.
	 * A file can pass its checksum and not this (anyone may compute a CRC), and then hide lines from a lookup.
	 */
	private static boolean laidOut(ByteBuffer b, int at, int keys, long positions) {
		long previous = -1;
		long listed = 0;
		for (int k = 0; k < keys; k++) {
			int e = at + k * DIR;
			long element = b.getLong(e);
			int first = b.getInt(e + 16);
			int n = b.getInt(e + 20);
			if (element <= previous || first != listed || n <= 0) {
				return false;
			}
			previous = element;
			listed += n;
		}
		return listed == positions;
	}

	/**
	 * The first line (position in the segment) that this file would hide or count wrongly, or -1 when it is sound:
	 * laid out as built, the same (key, line) pairs as the index, and each key's value 0 (unknown: lines confirmed)
	 * or the one its lines have. A value 0 where the lines agree is sound: intake leaves it so past 2^20 keys.
	 */
	long firstMismatch(FileChannel idx, LineValues values) throws IOException {
		ByteBuffer map = read(0, (int) size);
		int total = (int) ((size - positions()) / 4);
		if (!laidOut(map, HEAD, keys, total)) {
			return 0;
		}
		long[] expected = pairs(idx, lines);
		long[] actual = new long[total];
		for (int d = 0; d < keys; d++) {
			long e = map.getLong(HEAD + d * DIR);
			int first = map.getInt(HEAD + d * DIR + 16);
			int n = map.getInt(HEAD + d * DIR + 20);
			for (int k = 0; k < n; k++) {
				actual[first + k] = (e << LINE_BITS) | (map.getInt((int) positions() + (first + k) * 4) & LINE_MASK);
			}
		}
		Arrays.sort(actual);
		long firstWrong = Long.MAX_VALUE;
		int i = 0;
		int j = 0;
		while (i < expected.length || j < actual.length) {
			if (j >= actual.length || (i < expected.length && expected[i] < actual[j])) {
				firstWrong = Math.min(firstWrong, expected[i++] & LINE_MASK);
			}
			else if (i >= expected.length || actual[j] < expected[i]) {
				firstWrong = Math.min(firstWrong, actual[j++] & LINE_MASK);
			}
			else {
				i++;
				j++;
			}
		}
		if (firstWrong != Long.MAX_VALUE) {
			return Math.min(firstWrong, lines - 1);
		}
		// the same lines under each key: a key that says a value must say the one its lines have
		Map<Long, Long> v = values(idx, lines, values);
		for (int d = 0; d < keys; d++) {
			long stored = map.getLong(HEAD + d * DIR + 8);
			if (stored != 0 && stored != v.getOrDefault(map.getLong(HEAD + d * DIR), 0L)) {
				return Math.min(lines - 1, map.getInt((int) positions() + map.getInt(HEAD + d * DIR + 16) * 4));
			}
		}
		return -1;
	}

	// ---- combining

	/** Positions in either list, ascending, once each. */
	public static int[] union(int[] a, int[] b) {
		int[] out = new int[a.length + b.length];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length || j < b.length) {
			int v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
			if (i < a.length && a[i] == v) {
				i++;
			}
			if (j < b.length && b[j] == v) {
				j++;
			}
			out[n++] = v;
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	/** Positions in both lists, ascending. */
	public static int[] intersect(int[] a, int[] b) {
		int[] out = new int[Math.min(a.length, b.length)];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] < b[j]) {
				i++;
			}
			else if (a[i] > b[j]) {
				j++;
			}
			else {
				out[n++] = a[i];
				i++;
				j++;
			}
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}
}
