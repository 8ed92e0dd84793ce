package org.entente.journal.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Line;
import org.entente.journal.internal.store.SegmentKeys;
import org.springframework.stereotype.Component;

/**
 * Finds lines by period (receive time), establishment, host, sender, user and free text. Segments outside the period
 * are skipped from their time span, and sealed ones whose filter ({@link SegmentKeys}) says that no line has the
 * establishment, host, sender, user or address asked; within one, the fixed-width index entries are scanned in bulk and compared by
 * keys (hashes), and only candidates are read and confirmed against the line itself. Counting stops past
 * {@code COUNT_CAP}.
 */
@Component
public class JournalSearch {

	public static final int COUNT_CAP = 10_000;
	private static final int CHUNK = 8192;

	private final java.util.function.Supplier<JournalStore> store;
	private final org.entente.journal.internal.intake.SyslogParser parser;

	@org.springframework.beans.factory.annotation.Autowired
	JournalSearch(JournalRuntime runtime) {
		this(runtime::store, runtime.parser());
	}

	/** Over a store opened elsewhere (the search benchmark). */
	public JournalSearch(java.util.function.Supplier<JournalStore> store, org.entente.journal.internal.intake.SyslogParser parser) {
		this(store, parser, true);
	}

	private final boolean useSegmentKeys;

	private JournalSearch(java.util.function.Supplier<JournalStore> store,
			org.entente.journal.internal.intake.SyslogParser parser, boolean useSegmentKeys) {
		this.store = store;
		this.parser = parser;
		this.useSegmentKeys = useSegmentKeys;
	}

	/** The same search scanning every segment of the period, as before segment filters (benchmark reference). */
	public JournalSearch withoutSegmentKeys() {
		return new JournalSearch(store, parser, false);
	}

	/**
	 * What to look for; null members match everything. {@code to} is exclusive. {@code address} is a network address
	 * the line was sent from or goes to (its sender or its destination).
	 */
	public record Criteria(Instant from, Instant to, String establishment, String host, String sender, String user,
			String q, String address) {

		public Criteria(Instant from, Instant to, String establishment, String host, String sender, String user, String q) {
			this(from, to, establishment, host, sender, user, q, null);
		}

		public String describe() {
			StringBuilder b = new StringBuilder("du ").append(from).append(" au ").append(to);
			if (establishment != null) {
				b.append(", établissement ").append(establishment);
			}
			if (host != null) {
				b.append(", hôte ").append(host);
			}
			if (sender != null) {
				b.append(", émetteur ").append(sender);
			}
			if (user != null) {
				b.append(", utilisateur ").append(user);
			}
			if (address != null) {
				b.append(", adresse ").append(address);
			}
			if (q != null) {
				b.append(", texte « ").append(q).append(" »");
			}
			return b.toString();
		}
	}

	/**
	 * One page: the count (exact up to the cap) and the lines. {@code limited}: a free-text search stopped after
	 * reading {@link #TEXT_READ_CAP} lines of the period; the count and pages cover only what was read.
	 */
	public record Result(long total, boolean capped, List<Line> lines, long treeSize, boolean limited) {

		public Result(long total, boolean capped, List<Line> lines, long treeSize) {
			this(total, capped, lines, treeSize, false);
		}
	}

	/** A free-text search reads at most this many lines (after the index filters) before it asks to narrow. */
	public static final long TEXT_READ_CAP = 250_000;

	public Result search(Criteria c, int page, int size) {
		JournalStore store = this.store.get();
		long offset = (long) page * size;
		List<Line> lines = new ArrayList<>(size);
		long[] count = { 0 };
		long limit = Math.max(COUNT_CAP + 1L, offset + size);
		long treeSize = store.size();
		long readCap = c.q() == null ? Long.MAX_VALUE : TEXT_READ_CAP;
		boolean limited = !scan(store, c, treeSize, line -> {
			if (count[0] >= offset && lines.size() < size) {
				lines.add(line);
			}
			count[0]++;
			return count[0] < limit;
		}, new Progress(), readCap);
		boolean capped = count[0] > COUNT_CAP;
		return new Result(capped ? COUNT_CAP : count[0], capped, lines, treeSize, limited);
	}

	/**
	 * How far a long scan has gone, read by another thread (the export page): index entries to look at in the
	 * period, entries looked at, lines found.
	 */
	public static final class Progress {
		private volatile long toScan;
		private volatile long scanned;
		private volatile long found;

		public long toScan() {
			return toScan;
		}

		public long scanned() {
			return scanned;
		}

		public long found() {
			return found;
		}

		/** Whole per cent of the entries looked at, 0 to 100. */
		public int percent() {
			long t = toScan;
			return t <= 0 ? 0 : (int) Math.min(100, scanned * 100 / t);
		}
	}

	/** Every matching line below {@code treeSize} in the order received; the visitor returns false to stop. */
	public void scan(JournalStore store, Criteria c, long treeSize, Predicate<Line> visitor) {
		scan(store, c, treeSize, visitor, new Progress());
	}

	/** As {@link #scan(JournalStore, Criteria, long, Predicate)}, telling {@code progress} how far it is. */
	public void scan(JournalStore store, Criteria c, long treeSize, Predicate<Line> visitor, Progress progress) {
		scan(store, c, treeSize, visitor, progress, Long.MAX_VALUE);
	}

	/** Returns false when it stopped because {@code readCap} lines were read and confirmed against the criteria. */
	private boolean scan(JournalStore store, Criteria c, long treeSize, Predicate<Line> visitor, Progress progress,
			long readCap) {
		long read = 0;
		long from = micros(c.from());
		long to = micros(c.to());
		byte[] uai = c.establishment() == null ? null : java.util.Arrays.copyOf(c.establishment().getBytes(StandardCharsets.US_ASCII), 8);
		int hostKey = IndexFields.key(c.host());
		int senderKey = IndexFields.key(c.sender());
		int userKey = IndexFields.key(c.user());
		int addressKey = IndexFields.key(c.address());
		byte[] q = c.q() == null ? null : c.q().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
		byte[] entryUai = new byte[8];
		List<JournalStore.SegmentInfo> segments = new ArrayList<>();
		long toScan = 0;
		for (JournalStore.SegmentInfo s : store.segmentInfos()) {
			if (s.count() == 0 || s.maxMicros() < from || s.minMicros() >= to || s.start() >= treeSize) {
				continue;
			}
			if (useSegmentKeys && s.keys() != null && !mayHold(s.keys(), uai, hostKey, senderKey, userKey, addressKey)) {
				continue;
			}
			segments.add(s);
			toScan += Math.min(s.start() + s.count(), treeSize) - s.start();
		}
		progress.toScan = toScan;
		long scanned = 0;
		for (JournalStore.SegmentInfo s : segments) {
			long end = Math.min(s.start() + s.count(), treeSize);
			for (long i = s.start(); i < end; i += CHUNK) {
				progress.scanned = scanned;
				scanned += Math.min(end, i + CHUNK) - i;
				ByteBuffer b = store.indexEntries(i, Math.min(end, i + CHUNK));
				int n = b.remaining() / JournalStore.IDX;
				for (int k = 0; k < n; k++) {
					int base = k * JournalStore.IDX;
					long at = b.getLong(base + JournalStore.IDX_RECEIVED);
					if (at < from || at >= to) {
						continue;
					}
					if (uai != null) {
						b.get(base + JournalStore.IDX_UAI, entryUai);
						if (!java.util.Arrays.equals(uai, entryUai)) {
							continue;
						}
					}
					if (hostKey != 0 && b.getInt(base + JournalStore.IDX_HOST) != hostKey
							&& b.getInt(base + JournalStore.IDX_SENDER) != hostKey) {
						continue;
					}
					if (senderKey != 0 && b.getInt(base + JournalStore.IDX_SENDER) != senderKey) {
						continue;
					}
					if (userKey != 0 && b.getInt(base + JournalStore.IDX_USER) != userKey) {
						continue;
					}
					if (addressKey != 0 && b.getInt(base + JournalStore.IDX_SENDER) != addressKey
							&& b.getInt(base + JournalStore.IDX_DEST) != addressKey) {
						continue;
					}
					if (++read > readCap) {
						progress.scanned = scanned;
						return false;
					}
					Line line = store.read(i + k);
					if (line == null || !confirm(line, c, q)) {
						continue;
					}
					progress.found++;
					if (!visitor.test(line)) {
						progress.scanned = scanned;
						return true;
					}
				}
			}
		}
		progress.scanned = scanned;
		return true;
	}

	/** Whether a segment's filter lets a line match, with the index comparisons of {@link #scan} below. */
	static boolean mayHold(SegmentKeys.Filter f, byte[] uai, int hostKey, int senderKey, int userKey, int addressKey) {
		// all-zero bytes match lines with no establishment, which the filter does not hold
		long uaiBytes = uai == null ? 0 : SegmentKeys.uaiBytes(uai);
		if (uaiBytes != 0 && !f.mightContain(SegmentKeys.UAI, SegmentKeys.uaiKey(uaiBytes))) {
			return false;
		}
		if (hostKey != 0 && !f.mightContain(SegmentKeys.HOST, hostKey) && !f.mightContain(SegmentKeys.SENDER, hostKey)) {
			return false;
		}
		if (senderKey != 0 && !f.mightContain(SegmentKeys.SENDER, senderKey)) {
			return false;
		}
		if (userKey != 0 && !f.mightContain(SegmentKeys.USER, userKey)) {
			return false;
		}
		return addressKey == 0 || f.mightContain(SegmentKeys.SENDER, addressKey) || f.mightContain(SegmentKeys.DEST, addressKey);
	}

	private boolean confirm(Line line, Criteria c, byte[] q) {
		if (c.sender() != null && !line.sender().equalsIgnoreCase(c.sender())) {
			return false;
		}
		if (c.host() != null || c.user() != null || c.address() != null) {
			IndexFields f = parser.parse(line.raw(), 0, line.raw().length);
			if (c.address() != null && !c.address().equalsIgnoreCase(line.sender())
					&& !c.address().equalsIgnoreCase(f.destination())) {
				return false;
			}
			if (c.host() != null && !c.host().equalsIgnoreCase(f.host()) && !c.host().equalsIgnoreCase(line.sender())) {
				return false;
			}
			if (c.user() != null && !c.user().equalsIgnoreCase(f.user())) {
				return false;
			}
		}
		return q == null || contains(line.raw(), q);
	}

	/**
	 * Whether {@code raw} holds {@code lower} (lower-cased UTF-8), ASCII letters compared without case, other bytes
	 * exactly: no decoding of the line. A non-ASCII letter matches in the case it was typed lower-cased.
	 */
	static boolean contains(byte[] raw, byte[] lower) {
		int n = lower.length;
		if (n == 0) {
			return true;
		}
		byte first = lower[0];
		outer:
		for (int i = 0, last = raw.length - n; i <= last; i++) {
			if (lowerAscii(raw[i]) != first) {
				continue;
			}
			for (int k = 1; k < n; k++) {
				if (lowerAscii(raw[i + k]) != lower[k]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static byte lowerAscii(byte b) {
		return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
	}

	static long micros(Instant i) {
		return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
	}
}
