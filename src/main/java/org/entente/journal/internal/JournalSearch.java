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
import org.entente.journal.internal.store.KeyLists;
import org.entente.journal.internal.store.SegmentKeys;
import org.entente.journal.internal.store.SegmentPostings;
import org.springframework.stereotype.Component;

/**
 * Finds lines by period (receive time), establishment, host, sender, user and free text. Segments outside the period
 * are skipped from their time span, and sealed ones whose filter ({@link SegmentKeys}) says that no line has the
 * establishment, host, sender, user or address asked. Within a sealed segment, when a key is asked, only the index
 * entries of the lines listed under it ({@link SegmentPostings}) are read; otherwise (the active segment, a period or
 * text alone) the fixed-width index entries are scanned in bulk. Entries are compared by keys (hashes), and only
 * candidates are read and confirmed against the line itself. Counting stops past {@code COUNT_CAP}.
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
		this(store, parser, true, true);
	}

	private final boolean useSegmentKeys;
	private final boolean usePostings;

	private JournalSearch(java.util.function.Supplier<JournalStore> store,
			org.entente.journal.internal.intake.SyslogParser parser, boolean useSegmentKeys, boolean usePostings) {
		this.store = store;
		this.parser = parser;
		this.useSegmentKeys = useSegmentKeys;
		this.usePostings = usePostings;
	}

	/** The same search scanning every segment of the period, as before segment filters (benchmark reference). */
	public JournalSearch withoutSegmentKeys() {
		return new JournalSearch(store, parser, false, false);
	}

	/** The same search skipping segments by their filters but scanning those kept, as before lines per key (reference). */
	public JournalSearch withoutPostings() {
		return new JournalSearch(store, parser, true, false);
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
		long limit = Math.max(COUNT_CAP + 1L, offset + size);
		long treeSize = store.size();
		long readCap = c.q() == null ? Long.MAX_VALUE : TEXT_READ_CAP;
		Page p = new Page(offset, size, limit, lines);
		boolean limited = !scan(store, c, treeSize, p, new Progress(), readCap);
		boolean capped = p.count > COUNT_CAP;
		return new Result(capped ? COUNT_CAP : p.count, capped, lines, treeSize, limited);
	}

	/** What a scan hands its findings to, in the order received. */
	private interface Hits {

		/** A line read and confirmed; false to stop. */
		boolean line(Line line);

		/** How many of the next findings are only counted (their lines are not wanted); 0: read each one. */
		default long countable() {
			return 0;
		}

		/** {@code n} findings known from the lines per key without reading them; false to stop. */
		default boolean counted(long n) {
			throw new IllegalStateException("lines are wanted");
		}
	}

	/** A page of a search: lines before it are counted, its lines kept, those after it counted up to the cap. */
	private static final class Page implements Hits {
		private final long offset;
		private final int size;
		private final long limit;
		private final List<Line> lines;
		long count;

		Page(long offset, int size, long limit, List<Line> lines) {
			this.offset = offset;
			this.size = size;
			this.limit = limit;
			this.lines = lines;
		}

		@Override
		public boolean line(Line line) {
			if (count >= offset && lines.size() < size) {
				lines.add(line);
			}
			count++;
			return count < limit;
		}

		@Override
		public long countable() {
			if (count < offset) {
				return offset - count;
			}
			return lines.size() >= size ? limit - count : 0;
		}

		@Override
		public boolean counted(long n) {
			count += n;
			return count < limit;
		}
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
		scan(store, c, treeSize, visitor::test, progress, Long.MAX_VALUE);
	}

	/** Returns false when it stopped because {@code readCap} lines were read and confirmed against the criteria. */
	private boolean scan(JournalStore store, Criteria c, long treeSize, Hits visitor, Progress progress,
			long readCap) {
		Keys k = new Keys(c);
		byte[] q = c.q() == null ? null : c.q().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
		List<JournalStore.SegmentInfo> segments = new ArrayList<>();
		long toScan = 0;
		for (JournalStore.SegmentInfo s : store.segmentInfos()) {
			if (s.count() == 0 || s.maxMicros() < k.from || s.minMicros() >= k.to || s.start() >= treeSize) {
				continue;
			}
			if (useSegmentKeys && s.keys() != null && !mayHold(s.keys(), k.uai, k.host, k.sender, k.user, k.address)) {
				continue;
			}
			segments.add(s);
			long entries = Math.min(s.start() + s.count(), treeSize) - s.start();
			// a segment read through its lines per key lowers this once they are read (no lookup twice)
			toScan += entries;
		}
		progress.toScan = toScan;
		Visit v = new Visit(store, c, q, visitor, progress, readCap);
		for (JournalStore.SegmentInfo s : segments) {
			long end = Math.min(s.start() + s.count(), treeSize);
			Candidates listed = usePostings(s, k) ? k.candidates(s.postings(), q == null) : null;
			if (listed != null) {
				progress.toScan -= (end - s.start()) - listed.positions().length;
				// a segment wholly inside the period, whose lists say their values: its findings need no reading
				boolean whole = listed.exact() && s.minMicros() >= k.from && s.maxMicros() < k.to
						&& end == s.start() + s.count();
				Boolean stop = visitListed(store, s.start(), end, listed, whole, k, v, visitor, progress);
				if (stop != null) {
					return stop;
				}
				continue;
			}
			long scanFrom = s.start();
			if (useBlocks(s, k)) {
				// the segment being written: the lines per key of its complete blocks, then its last entries
				for (SegmentPostings.Block block : s.blocks()) {
					Candidates inBlock = k.candidates(block, false);
					progress.toScan -= Math.max(0, Math.min(end, s.start() + block.to()) - s.start() - block.from())
							- inBlock.positions().length;
					Boolean stop = visitListed(store, s.start(), end, inBlock, false, k, v, visitor, progress);
					if (stop != null) {
						return stop;
					}
					scanFrom = s.start() + block.to();
				}
			}
			for (long i = scanFrom; i < end; i += CHUNK) {
				ByteBuffer b = store.indexEntries(i, Math.min(end, i + CHUNK));
				int n = b.remaining() / JournalStore.IDX;
				for (int e = 0; e < n; e++) {
					if (k.matches(b, e * JournalStore.IDX) && !v.offer(i + e, b.position(e * JournalStore.IDX))) {
						progress.scanned += e + 1;
						return v.complete;
					}
				}
				progress.scanned += n;
			}
		}
		// lines per key are counted from their directories before intersecting: at most what was looked at
		progress.scanned = progress.toScan;
		return true;
	}

	/**
	 * The lines listed for a segment, in order: counted without reading them when {@code whole} (exact lists, the
	 * segment wholly in the period) and the page does not want them, otherwise read from the index and confirmed.
	 * Returns null to go on, or what the scan returns when it stops.
	 */
	private static Boolean visitListed(JournalStore store, long start, long end, Candidates listed, boolean whole, Keys k,
			Visit v, Hits visitor, Progress progress) {
		int[] lines = listed.positions();
		for (int i = 0; i < lines.length;) {
			long index = start + lines[i];
			if (index >= end) {
				break;
			}
			long free = whole ? Math.min(visitor.countable(), lines.length - i) : 0;
			if (free > 0) {
				progress.scanned += free;
				progress.found += free;
				if (!visitor.counted(free)) {
					return true;
				}
				i += (int) free;
				continue;
			}
			progress.scanned++;
			ByteBuffer e = store.indexEntry(index);
			if (e != null && k.matches(e, 0)) {
				if (listed.exact() && visitor.countable() > 0) {
					progress.found++;
					if (!visitor.counted(1)) {
						return true;
					}
				}
				else if (!v.offer(index, e)) {
					return v.complete;
				}
			}
			i++;
		}
		return null;
	}

	/** Whether the segment being written is read through the lines per key of its complete blocks. */
	private boolean useBlocks(JournalStore.SegmentInfo s, Keys k) {
		return usePostings && s.postings() == null && !s.blocks().isEmpty() && k.posted();
	}

	/**
	 * Whether the segment's lines per key are read instead of its index: it has them, the criteria name a key, and
	 * the search is today's (the reference scans).
	 */
	private boolean usePostings(JournalStore.SegmentInfo s, Keys k) {
		return usePostings && s.postings() != null && k.posted();
	}

	/** One matching index entry after another: read the line, confirm it, hand it over; false to stop. */
	private final class Visit {
		private final JournalStore store;
		private final Criteria c;
		private final byte[] q;
		private final Hits visitor;
		private final Progress progress;
		private final long readCap;
		private long read;
		/** What scan returns when the visit stops: false when the read cap stopped it. */
		boolean complete = true;

		Visit(JournalStore store, Criteria c, byte[] q, Hits visitor, Progress progress, long readCap) {
			this.store = store;
			this.c = c;
			this.q = q;
			this.visitor = visitor;
			this.progress = progress;
			this.readCap = readCap;
		}

		/** {@code entry}: the line's index entry, at its position. */
		boolean offer(long index, ByteBuffer entry) {
			if (++read > readCap) {
				complete = false;
				return false;
			}
			Line line = store.read(index, entry);
			if (line == null || !confirm(line, c, q)) {
				return true;
			}
			progress.found++;
			return visitor.line(line);
		}
	}

	/** Lines of a segment listed under the keys asked; exact: they are the findings, no line needs confirming. */
	private record Candidates(int[] positions, boolean exact) {
	}

	/** The criteria as the index holds them: period in µs, establishment bytes, key hashes (0: not asked). */
	private static final class Keys {
		final long from;
		final long to;
		final byte[] uai;
		final long uaiBytes;
		final int host;
		final int sender;
		final int user;
		final int address;
		final long hostValue;
		final long senderValue;
		final long userValue;
		final long addressValue;
		private final byte[] entryUai = new byte[8];

		Keys(Criteria c) {
			from = micros(c.from());
			to = micros(c.to());
			uai = c.establishment() == null ? null
					: java.util.Arrays.copyOf(c.establishment().getBytes(StandardCharsets.US_ASCII), 8);
			uaiBytes = uai == null ? 0 : SegmentKeys.uaiBytes(uai);
			host = IndexFields.key(c.host());
			sender = IndexFields.key(c.sender());
			user = IndexFields.key(c.user());
			address = IndexFields.key(c.address());
			hostValue = IndexFields.exactKey(c.host());
			senderValue = IndexFields.exactKey(c.sender());
			userValue = IndexFields.exactKey(c.user());
			addressValue = IndexFields.exactKey(c.address());
		}

		/**
		 * Whether lines per key can answer: some key is asked, and an establishment asked is not the empty one (lines
		 * without an establishment are not listed under any key).
		 */
		boolean posted() {
			return (uai != null && uaiBytes != 0 || host != 0 || sender != 0 || user != 0 || address != 0)
					&& (uai == null || uaiBytes != 0);
		}

		/**
		 * The segment's lines listed under every key asked, or null when its file is damaged there; exact when each
		 * list says its value is the one asked ({@code confirmedByIndex}: nothing else, such as text, is asked).
		 */
		Candidates candidates(KeyLists p, boolean confirmedByIndex) {
			Candidates out = null;
			if (uai != null) {
				out = and(out, of(p, SegmentKeys.UAI, SegmentKeys.uaiKey(uaiBytes), uaiBytes));
			}
			if (host != 0) {
				out = and(out, or(of(p, SegmentKeys.HOST, host, hostValue), of(p, SegmentKeys.SENDER, host, hostValue)));
			}
			if (sender != 0) {
				out = and(out, of(p, SegmentKeys.SENDER, sender, senderValue));
			}
			if (user != 0) {
				out = and(out, of(p, SegmentKeys.USER, user, userValue));
			}
			if (address != 0) {
				out = and(out, or(of(p, SegmentKeys.SENDER, address, addressValue), of(p, SegmentKeys.DEST, address, addressValue)));
			}
			if (out == null || out == DAMAGED) {
				return null;
			}
			return confirmedByIndex ? out : new Candidates(out.positions(), false);
		}

		/** A list for the value asked: exact and empty when it says another value, unsure when it says none. */
		private static Candidates of(KeyLists p, int tag, int key, long value) {
			SegmentPostings.Listed l = p.listed(tag, key);
			if (l.positions() == null) {
				return DAMAGED;
			}
			if (l.value() != 0 && l.value() != value) {
				return new Candidates(new int[0], true);
			}
			return new Candidates(l.positions(), l.exactlyFor(value));
		}

		private static final Candidates DAMAGED = new Candidates(new int[0], false);

		private static Candidates and(Candidates so, Candidates more) {
			if (so == DAMAGED || more == DAMAGED) {
				return DAMAGED;
			}
			return so == null ? more
					: new Candidates(SegmentPostings.intersect(so.positions(), more.positions()), so.exact() && more.exact());
		}

		private static Candidates or(Candidates a, Candidates b) {
			return a == DAMAGED || b == DAMAGED ? DAMAGED
					: new Candidates(SegmentPostings.union(a.positions(), b.positions()), a.exact() && b.exact());
		}

		/** The comparisons on one index entry: period, then each key asked (hashes; the line confirms). */
		boolean matches(ByteBuffer b, int base) {
			long at = b.getLong(base + JournalStore.IDX_RECEIVED);
			if (at < from || at >= to) {
				return false;
			}
			if (uai != null) {
				b.get(base + JournalStore.IDX_UAI, entryUai);
				if (!java.util.Arrays.equals(uai, entryUai)) {
					return false;
				}
			}
			int entrySender = b.getInt(base + JournalStore.IDX_SENDER);
			if (host != 0 && b.getInt(base + JournalStore.IDX_HOST) != host && entrySender != host) {
				return false;
			}
			if (sender != 0 && entrySender != sender) {
				return false;
			}
			if (user != 0 && b.getInt(base + JournalStore.IDX_USER) != user) {
				return false;
			}
			return address == 0 || entrySender == address || b.getInt(base + JournalStore.IDX_DEST) == address;
		}
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
