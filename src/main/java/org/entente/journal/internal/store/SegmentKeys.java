package org.entente.journal.internal.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.LongUnaryOperator;
import java.util.zip.CRC32C;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;

/**
 * What a segment may hold, so that a search can skip segments that cannot match: a Bloom filter (Guava) of the
 * establishments, senders, hosts, users and destinations of its index entries. While the segment is written, the
 * distinct keys are collected (up to {@link #MAX_DISTINCT}); when it is sealed, they become a filter of about 1 %
 * false positives, written to {@code S.keys} atomically (temporary file, fsync, rename) with a CRC-32C. A Bloom filter
 * never says « absent » for a key it was given, so skipping never loses a line; a segment over the limit, or whose
 * file is missing or damaged, has no filter and is always scanned (and the file is rebuilt from the index on opening).
 */
public final class SegmentKeys {

	public static final int UAI = 1;
	public static final int SENDER = 2;
	public static final int HOST = 3;
	public static final int USER = 4;
	public static final int DEST = 5;

	/** Past this many distinct keys a segment gets no filter (the collecting set stays under 16 MB). */
	static final int MAX_DISTINCT = 1 << 20;
	private static final double FPP = 0.01;
	private static final int MAGIC = 0x4a4b4631; // "JKF1"

	// collecting: open addressing, 0 is empty (every element has a non-zero tag in its high half)
	private long[] table = new long[1024];
	/**
	 * Beside each element, the value its lines have ({@link IndexFields#exactKey}, the establishment's bytes), or 0
	 * once two differ: what the lines per key say ({@link SegmentPostings}), known here without reading lines again.
	 */
	private long[] values = new long[1024];
	/** False once an entry was added without its values (read back from the index after a restart). */
	private boolean valuesKnown = true;
	private int distinct;
	private boolean overflow;

	private SegmentKeys() {
	}

	/** A sealed segment's filter; null: unknown, scan it. */
	public static final class Filter {
		private final BloomFilter<Long> bloom;
		private final long distinct;

		private Filter(BloomFilter<Long> bloom, long distinct) {
			this.bloom = bloom;
			this.distinct = distinct;
		}

		/** False only when no line of the segment has {@code key} in the field {@code tag}. */
		public boolean mightContain(int tag, int key) {
			return bloom.mightContain(element(tag, key));
		}

		public long distinct() {
			return distinct;
		}

		/** Whether every key of an index entry is in the filter (verify: a damaged filter would hide lines). */
		boolean covers(ByteBuffer entry, int base) {
			long uai = entry.getLong(base + JournalStore.IDX_UAI);
			return (uai == 0 || mightContain(UAI, uaiKey(uai)))
					&& covers(SENDER, entry.getInt(base + JournalStore.IDX_SENDER))
					&& covers(HOST, entry.getInt(base + JournalStore.IDX_HOST))
					&& covers(USER, entry.getInt(base + JournalStore.IDX_USER))
					&& covers(DEST, entry.getInt(base + JournalStore.IDX_DEST));
		}

		private boolean covers(int tag, int key) {
			return key == 0 || mightContain(tag, key);
		}
	}

	static SegmentKeys collecting() {
		return new SegmentKeys();
	}

	/** The key under which an establishment's 8 index bytes (UAI, zero-padded) are filed. */
	public static int uaiKey(long uaiBytes) {
		long h = uaiBytes * 0x9E3779B97F4A7C15L;
		int k = (int) (h ^ (h >>> 32));
		return k == 0 ? 1 : k;
	}

	/** The 8 index bytes of an establishment code, as {@link JournalStore#putIndex} writes them. */
	public static long uaiBytes(byte[] padded8) {
		return ByteBuffer.wrap(padded8).getLong();
	}

	/** Adds the keys of the index entry at {@code base}, whose values are not known (read back from the index). */
	void add(ByteBuffer entry, int base) {
		valuesKnown = false;
		add(entry, base, 0, 0, 0, 0);
	}

	/** Adds the keys of the index entry at {@code base} of a line being written, with its values. */
	void add(ByteBuffer entry, int base, Incoming in) {
		add(entry, base, in.senderValue(), in.hostValue(), in.userValue(), in.destinationValue());
	}

	private void add(ByteBuffer entry, int base, long sender, long host, long user, long destination) {
		if (overflow) {
			return;
		}
		long uai = entry.getLong(base + JournalStore.IDX_UAI);
		if (uai != 0) {
			put(element(UAI, uaiKey(uai)), uai);
		}
		putKey(SENDER, entry.getInt(base + JournalStore.IDX_SENDER), sender);
		putKey(HOST, entry.getInt(base + JournalStore.IDX_HOST), host);
		putKey(USER, entry.getInt(base + JournalStore.IDX_USER), user);
		putKey(DEST, entry.getInt(base + JournalStore.IDX_DEST), destination);
	}

	private void putKey(int tag, int key, long value) {
		if (key != 0) {
			put(element(tag, key), value);
		}
	}

	/**
	 * The value of each element collected ({@code 0}: lines differ, or none), or null when they are not all known
	 * (then the lines are read again). Past {@link #MAX_DISTINCT} keys, all are 0: searches confirm each line, and
	 * the segment is not read again on a thread that has the next segments to do.
	 */
	LongUnaryOperator values() {
		if (!valuesKnown) {
			return null;
		}
		if (overflow) {
			return e -> 0;
		}
		long[] t = table;
		long[] v = values;
		return e -> {
			int mask = t.length - 1;
			for (int i = (int) (mix(e) & mask);; i = (i + 1) & mask) {
				if (t[i] == e) {
					return v[i];
				}
				if (t[i] == 0) {
					return 0;
				}
			}
		};
	}

	private static long element(int tag, int key) {
		return ((long) tag << 32) | (key & 0xffffffffL);
	}

	private void put(long e, long value) {
		int mask = table.length - 1;
		int i = (int) (mix(e) & mask);
		while (true) {
			long t = table[i];
			if (t == e) {
				if (values[i] != value) {
					values[i] = 0;
				}
				return;
			}
			if (t == 0) {
				table[i] = e;
				values[i] = value;
				if (++distinct > MAX_DISTINCT) {
					overflow = true;
					table = new long[0];
					values = new long[0];
				}
				else if (distinct * 2 > table.length) {
					grow();
				}
				return;
			}
			i = (i + 1) & mask;
		}
	}

	private void grow() {
		long[] old = table;
		long[] oldValues = values;
		table = new long[old.length * 2];
		values = new long[old.length * 2];
		int mask = table.length - 1;
		for (int k = 0; k < old.length; k++) {
			long e = old[k];
			if (e != 0) {
				int i = (int) (mix(e) & mask);
				while (table[i] != 0) {
					i = (i + 1) & mask;
				}
				table[i] = e;
				values[i] = oldValues[k];
			}
		}
	}

	private static long mix(long e) {
		long h = e * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 29);
	}

	/** The filter of what was collected, or null when there were too many distinct keys. */
	Filter seal() {
		if (overflow) {
			return null;
		}
		BloomFilter<Long> bloom = BloomFilter.create(Funnels.longFunnel(), Math.max(distinct, 1024), FPP);
		for (long e : table) {
			if (e != 0) {
				bloom.put(e);
			}
		}
		return new Filter(bloom, distinct);
	}

	/** Collects the keys of {@code count} index entries of a segment file (opening, a filter to rebuild). */
	static SegmentKeys fromIndex(FileChannel idx, long count) throws IOException {
		SegmentKeys k = new SegmentKeys();
		readIndex(idx, count, (b, first, n) -> {
			for (int e = 0; e < n; e++) {
				k.add(b, e * JournalStore.IDX);
			}
			return !k.overflow;
		});
		return k;
	}

	/** What is done with a chunk of index entries: {@code n} entries from line {@code first}; false to stop. */
	interface IndexChunk {
		boolean take(ByteBuffer entries, long first, int n) throws IOException;
	}

	/** Reads {@code count} index entries of a segment file in chunks of 8,192 (the filter, the lines per key). */
	static void readIndex(FileChannel idx, long count, IndexChunk chunk) throws IOException {
		readIndex(idx, 0, count, chunk);
	}

	/** As {@link #readIndex(FileChannel, long, IndexChunk)}, the entries from {@code from} (inclusive) to {@code to}. */
	static void readIndex(FileChannel idx, long from, long to, IndexChunk chunk) throws IOException {
		int size = 8192;
		ByteBuffer b = ByteBuffer.allocate(size * JournalStore.IDX);
		for (long i = from; i < to; i += size) {
			int n = (int) Math.min(size, to - i);
			b.clear().limit(n * JournalStore.IDX);
			long p = i * JournalStore.IDX;
			while (b.hasRemaining()) {
				if (idx.read(b, p + b.position()) < 0) {
					throw new IOException("index is short");
				}
			}
			if (!chunk.take(b, i, n)) {
				return;
			}
		}
	}

	/** Writes the filter atomically: a crash leaves the old file, no file, or the whole new one. */
	static void write(Path file, Filter f) throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		f.bloom.writeTo(payload);
		byte[] p = payload.toByteArray();
		CRC32C crc = new CRC32C();
		crc.update(p);
		ByteBuffer b = ByteBuffer.allocate(4 + 8 + 8 + p.length);
		b.putInt(MAGIC).putLong(f.distinct).putLong(crc.getValue()).put(p).flip();
		writeAtomically(file, b);
	}

	/** Writes a segment's side file: temporary file, fsync, rename (a crash leaves the old file, none, or the new one). */
	static void writeAtomically(Path file, ByteBuffer b) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			while (b.hasRemaining()) {
				ch.write(b);
			}
			ch.force(true);
		}
		Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** The stored filter, or null when the file is missing, torn or damaged (then the caller rebuilds it). */
	static Filter read(Path file) {
		try {
			if (!Files.exists(file)) {
				return null;
			}
			ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
			if (b.remaining() < 20 || b.getInt() != MAGIC) {
				return null;
			}
			long distinct = b.getLong();
			long crc = b.getLong();
			byte[] p = new byte[b.remaining()];
			b.get(p);
			CRC32C c = new CRC32C();
			c.update(p);
			if (c.getValue() != crc) {
				return null;
			}
			return new Filter(BloomFilter.readFrom(new ByteArrayInputStream(p), Funnels.longFunnel()), distinct);
		}
		catch (IOException | RuntimeException e) {
			// unreadable: no filter, so the segment is scanned and the file rebuilt
			return null;
		}
	}
}
