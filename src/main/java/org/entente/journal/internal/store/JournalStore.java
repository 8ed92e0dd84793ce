package org.entente.journal.internal.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Append-only storage of the journal. Under its directory:
 * <ul>
 * <li>{@code segments/S.seg}: the lines from index S on, each as {@code length (4) · index (8) · leaf data}, the raw
 * bytes inside untouched; {@code S.leaves}: their leaf hashes (32 bytes each); {@code S.idx}: the index entries
 * (IDX bytes each); {@code S.summary}: count and time span, and {@code S.keys}: a Bloom filter of its
 * establishments, senders, hosts, users and destinations ({@link SegmentKeys}), both written atomically when the
 * segment is closed (a missing or damaged one is rebuilt from the index on opening); {@code S.post}: the lines of
 * each of those keys ({@link SegmentPostings}), built from the index by a thread of its own once the segment is
 * closed (or on opening, when missing or damaged). A segment
 * closes at a size limit or when the UTC day changes, so that retention removes whole days.</li>
 * <li>{@code checkpoints/S.range}: the perfect subtree hashes of the first S lines (at most 64): what keeps the tree
 * verifiable once the segments before S are purged.</li>
 * <li>{@code heads/tree-heads.jsonl}: the signed tree heads, one per line; {@code heads/purges.jsonl}: what each purge
 * removed. Tree heads are kept apart from the segments (and may live elsewhere: {@code headsDirectory}).</li>
 * </ul>
 * One thread writes ({@link #append}, {@link #sync}, {@link #signTreeHead}, {@link #purgeBefore}); any thread reads.
 * A line is durable once {@link #sync} has returned after it ({@link #durableSize()}); tree heads only ever cover
 * durable lines. On opening, a torn record at the end of the last segment (a crash during a write) is cut off.
 * <p>
 * Longer than the 300 lines of the conventions, on purpose: the four files of a segment, the checkpoints and the
 * in-memory tree are changed together by the one writer, and what makes a crash harmless (write order, then sync,
 * then tree head) is visible only when they sit side by side. Hashing is {@link Merkle}, proofs {@link RangeProof},
 * the write loop {@link JournalWriter}; this class is the file layout and its invariants.
 */
public final class JournalStore implements Closeable {

	/** Bytes of one index entry: offset, received µs, stated time ms, UAI (8 ASCII), 5 keys, flags. */
	public static final int IDX = 8 + 8 + 8 + 8 + 4 * 5 + 4;

	/** Positions in an index entry. */
	public static final int IDX_RECEIVED = 8;
	public static final int IDX_TIME = 16;
	public static final int IDX_UAI = 24;
	public static final int IDX_SENDER = 32;
	public static final int IDX_HOST = 36;
	public static final int IDX_APP = 40;
	public static final int IDX_USER = 44;
	public static final int IDX_DEST = 48;
	public static final int IDX_FLAGS = 52;

	private static final int HEADER = 4 + 8;

	/** Segments of 256 MB, lines up to 1 MB. */
	public static StoreOptions defaultOptions() {
		return new StoreOptions(256L * 1024 * 1024, 1 << 20);
	}

	private final Path segmentsDir;
	private final Path checkpointsDir;
	private final Path headsDir;
	private final StoreOptions options;
	private final SigningKey key;
	private final Function<Line, IndexFields> indexer;
	private final List<Segment> segments = new CopyOnWriteArrayList<>();
	private final CompactRange range;
	private volatile long size;
	private volatile long durableSize;
	private volatile TreeHead latestHead;
	private final List<TreeHead> heads = new CopyOnWriteArrayList<>();
	private FileChannel headsOut;
	private final ByteBuffer segBuf = ByteBuffer.allocate(1 << 20);
	private final ByteBuffer leafBuf = ByteBuffer.allocate(32 << 12);
	private final ByteBuffer idxBuf = ByteBuffer.allocate(IDX << 12);
	private boolean dirty;
	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JournalStore.class);
	/** Set by close: builds not started are left for the next opening. */
	private volatile boolean closing;
	/** Builds the sealed segments' lines per key, one at a time, off the writing thread. */
	private final ExecutorService postingsBuilder = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "journal-postings");
			t.setDaemon(true);
			return t;
		});

	private JournalStore(Path dir, Path headsDir, StoreOptions options, SigningKey key, Function<Line, IndexFields> indexer)
			throws IOException {
		this.segmentsDir = Files.createDirectories(dir.resolve("segments"));
		this.checkpointsDir = Files.createDirectories(dir.resolve("checkpoints"));
		this.headsDir = Files.createDirectories(headsDir);
		this.options = options;
		this.key = key;
		this.indexer = indexer;
		List<Long> starts = listStarts(segmentsDir);
		for (int i = 0; i < starts.size(); i++) {
			segments.add(Segment.open(segmentsDir, starts.get(i), i == starts.size() - 1, options, indexer));
		}
		if (segments.isEmpty()) {
			range = new CompactRange();
			writeCheckpoint(0, range);
			segments.add(Segment.create(segmentsDir, 0, Instant.now()));
		}
		else {
			Segment last = segments.get(segments.size() - 1);
			range = readCheckpoint(checkpointsDir, last.start);
			if (range == null) {
				throw new IOException("checkpoint " + last.start + " is missing: the journal cannot continue its tree");
			}
			last.replayLeaves(range);
		}
		size = range.size();
		durableSize = size;
		Path headsFile = headsDir.resolve("tree-heads.jsonl");
		if (Files.exists(headsFile)) {
			for (String l : Files.readAllLines(headsFile, StandardCharsets.UTF_8)) {
				TreeHead h = TreeHead.parse(l);
				if (h != null) {
					heads.add(h);
				}
			}
			truncateTornLine(headsFile);
		}
		latestHead = heads.isEmpty() ? null : heads.get(heads.size() - 1);
		headsOut = FileChannel.open(headsFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		for (Segment s : segments) {
			buildPostingsLater(s);
		}
		buildBlocksLater(active());
	}

	private void buildPostingsLater(Segment s) {
		if (!s.needsPostings()) {
			if (s.collecting == null) {
				// sealed, and no file will come (too many lines for one): the blocks would stay for nothing; freed
				// on the builder's thread, after any block it is building
				later(() -> s.blocks = List.of());
			}
			return;
		}
		later(() -> {
			if (closing) {
				// built on the next opening
				return;
			}
			try {
				s.buildPostings(segmentsDir, indexer);
			}
			catch (IOException | RuntimeException e) {
				// purged or closed meanwhile, or a disk error: the segment is scanned as before
				s.blocks = List.of();
				if (!s.purged) {
					LOG.warn("Lines per key of journal segment {} not built; it is scanned instead", s.start, e);
				}
			}
		});
	}

	/** Builds, off the writing thread, the lines per key of the active segment's blocks that are complete. */
	private void buildBlocksLater(Segment s) {
		if (!s.needsBlock() || !s.blockPending.compareAndSet(false, true)) {
			return;
		}
		later(() -> {
			boolean failed = false;
			try {
				while (!closing && s.needsBlock()) {
					s.buildBlock();
				}
			}
			catch (IOException | RuntimeException e) {
				// a segment sealed or closed meanwhile, or a disk error: searches scan what has no block, and the
				// next append tries again (not at once: an error that stays would spin)
				failed = true;
			}
			finally {
				s.blockPending.set(false);
			}
			// a block completed while the flag was still up: its append did not queue it
			if (!failed && !closing && s.needsBlock()) {
				buildBlocksLater(s);
			}
		});
	}

	private void later(Runnable task) {
		try {
			postingsBuilder.execute(task);
		}
		catch (RejectedExecutionException e) {
			// closed: what was not built is built on the next opening
		}
	}

	/** Waits until every sealed segment so far has its lines per key (or failed to); for tests and benchmarks. */
	public boolean awaitPostings(Duration timeout) throws InterruptedException {
		try {
			postingsBuilder.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			// a block queued again by the task just awaited
			postingsBuilder.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
			return false;
		}
	}

	public static JournalStore open(Path dir, SigningKey key, Function<Line, IndexFields> indexer) throws IOException {
		return open(dir, dir.resolve("heads"), defaultOptions(), key, indexer);
	}

	public static JournalStore open(Path dir, Path headsDir, StoreOptions options, SigningKey key,
			Function<Line, IndexFields> indexer) throws IOException {
		return new JournalStore(dir, headsDir, options, key, indexer);
	}

	public long size() {
		return size;
	}

	public long durableSize() {
		return durableSize;
	}

	/** The first line still stored (0 until a purge). */
	public long firstIndex() {
		return segments.get(0).start;
	}

	public TreeHead latestHead() {
		return latestHead;
	}

	public List<TreeHead> treeHeads() {
		return List.copyOf(heads);
	}

	public SigningKey key() {
		return key;
	}

	public Path headsDirectory() {
		return headsDir;
	}

	/** Appends lines in the order given; returns the index of the first. Only the writing thread calls it. */
	public long append(List<Incoming> lines) throws IOException {
		long first = size;
		Segment active = active();
		long n = size;
		for (Incoming in : lines) {
			if (in.leafData().length > options.maxLeafData()) {
				throw new IllegalArgumentException("line of " + in.leafData().length + " bytes over the limit");
			}
			if (active.shouldRoll(in, active.bytes + segBuf.position(), options)) {
				flush(active, n);
				active = roll(active, n, in.receivedAtMicros());
			}
			int recLen = HEADER + in.leafData().length;
			if (segBuf.remaining() < recLen || leafBuf.remaining() < 32 || idxBuf.remaining() < IDX) {
				flush(active, n);
			}
			long offset;
			if (recLen > segBuf.capacity()) {
				flush(active, n);
				offset = active.bytes;
				ByteBuffer big = ByteBuffer.allocate(recLen);
				big.putInt(recLen - 4).putLong(n).put(in.leafData()).flip();
				writeFully(active.seg, big);
				active.bytes += recLen;
			}
			else {
				offset = active.bytes + segBuf.position();
				segBuf.putInt(recLen - 4).putLong(n).put(in.leafData());
			}
			leafBuf.put(in.leafHash());
			putIndex(idxBuf, offset, in.receivedAtMicros(), in.fields(), in.senderKey());
			active.collecting.add(idxBuf, idxBuf.position() - IDX, in);
			active.noteTime(in.receivedAtMicros());
			range.append(in.leafHash());
			n++;
			dirty = true;
		}
		flush(active, n);
		buildBlocksLater(active);
		return first;
	}

	private void flush(Segment active, long n) throws IOException {
		if (segBuf.position() > 0) {
			segBuf.flip();
			active.bytes += segBuf.remaining();
			writeFully(active.seg, segBuf);
			segBuf.clear();
		}
		if (leafBuf.position() > 0) {
			leafBuf.flip();
			writeFully(active.leaves, leafBuf);
			leafBuf.clear();
		}
		if (idxBuf.position() > 0) {
			idxBuf.flip();
			writeFully(active.idx, idxBuf);
			idxBuf.clear();
		}
		active.count = n - active.start;
		size = n;
	}

	private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
		while (b.hasRemaining()) {
			ch.write(b);
		}
	}

	static void putIndex(ByteBuffer b, long offset, long receivedAtMicros, IndexFields f, int senderKey) {
		b.putLong(offset).putLong(receivedAtMicros).putLong(f.eventTimeMillis());
		byte[] uai = new byte[8];
		if (f.uai() != null) {
			byte[] u = f.uai().getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(u, 0, uai, 0, Math.min(8, u.length));
		}
		b.put(uai);
		b.putInt(senderKey);
		b.putInt(IndexFields.key(f.host())).putInt(IndexFields.key(f.app())).putInt(IndexFields.key(f.user()))
			.putInt(IndexFields.key(f.destination())).putInt(f.flags());
	}

	private Segment roll(Segment old, long n, long atMicros) throws IOException {
		old.seg.force(false);
		old.leaves.force(false);
		old.idx.force(false);
		old.writeSummary(segmentsDir);
		old.sealKeys(segmentsDir);
		old.closeForWriting();
		buildPostingsLater(old);
		writeCheckpoint(n, range);
		Segment s = Segment.create(segmentsDir, n, Instant.ofEpochSecond(0, atMicros * 1000));
		segments.add(s);
		forceDirectory(segmentsDir);
		return s;
	}

	private Segment active() {
		return segments.get(segments.size() - 1);
	}

	/** Makes everything appended so far durable (fsync); the loss window is the time between two calls. */
	public void sync() throws IOException {
		if (dirty) {
			Segment a = active();
			a.seg.force(false);
			a.leaves.force(false);
			a.idx.force(false);
			dirty = false;
		}
		durableSize = size;
	}

	/** Signs the durable tree (after a sync) and stores the head apart from the segments. */
	public TreeHead signTreeHead(long timestampMillis) throws IOException {
		sync();
		TreeHead h = key.sign(size, timestampMillis, range.root());
		ByteBuffer b = ByteBuffer.wrap((h.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
		writeFully(headsOut, b);
		headsOut.force(false);
		heads.add(h);
		latestHead = h;
		return h;
	}

	private void writeCheckpoint(long start, CompactRange r) throws IOException {
		StringBuilder sb = new StringBuilder().append(r.size()).append('\n');
		for (byte[] h : r.hashes()) {
			sb.append(HexFormat.of().formatHex(h)).append('\n');
		}
		Path f = checkpointsDir.resolve(name(start) + ".range");
		Path tmp = checkpointsDir.resolve(name(start) + ".tmp");
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			writeFully(ch, ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII)));
			ch.force(true);
		}
		Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		forceDirectory(checkpointsDir);
	}

	static CompactRange readCheckpoint(Path checkpointsDir, long start) throws IOException {
		Path f = checkpointsDir.resolve(name(start) + ".range");
		if (!Files.exists(f)) {
			return null;
		}
		List<String> l = Files.readAllLines(f, StandardCharsets.US_ASCII);
		try {
			long n = Long.parseLong(l.get(0).trim());
			List<byte[]> hs = new ArrayList<>();
			for (int i = 1; i < l.size(); i++) {
				if (!l.get(i).isBlank()) {
					hs.add(HexFormat.of().parseHex(l.get(i).trim()));
				}
			}
			if (n != start) {
				return null;
			}
			return new CompactRange(n, hs);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static void forceDirectory(Path dir) {
		try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
			ch.force(true);
		}
		catch (IOException e) {
			// some file systems do not sync directories; the files themselves are synced
		}
	}

	private static void truncateTornLine(Path file) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
			long len = ch.size();
			if (len == 0) {
				return;
			}
			ByteBuffer one = ByteBuffer.allocate(1);
			ch.read(one, len - 1);
			if (one.get(0) == '\n') {
				return;
			}
			long p = len - 1;
			while (p > 0) {
				one.clear();
				ch.read(one, p - 1);
				if (one.get(0) == '\n') {
					break;
				}
				p--;
			}
			ch.truncate(p);
		}
	}

	static String name(long start) {
		return String.format("%020d", start);
	}

	static List<Long> listStarts(Path segmentsDir) throws IOException {
		try (Stream<Path> s = Files.list(segmentsDir)) {
			return s.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".seg"))
				.map(n -> Long.parseLong(n.substring(0, n.length() - 4)))
				.sorted()
				.toList();
		}
	}

	// ---- reading

	/**
	 * Segments as they stand: start, count, time span (µs), and for a sealed segment the filter of its keys (null for
	 * the active one, or one with too many distinct keys: scan it).
	 */
	public record SegmentInfo(long start, long count, long minMicros, long maxMicros, long bytes, SegmentKeys.Filter keys,
			SegmentPostings postings, List<SegmentPostings.Block> blocks) {
	}

	public List<SegmentInfo> segmentInfos() {
		return segments.stream()
			.map(s -> new SegmentInfo(s.start, s.count, s.minMicros, s.maxMicros, s.bytes, s.keys, s.postings, s.blocks))
			.toList();
	}

	private Segment segmentOf(long index) {
		List<Segment> all = segments;
		int lo = 0;
		int hi = all.size() - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (all.get(mid).start <= index) {
				lo = mid;
			}
			else {
				hi = mid - 1;
			}
		}
		Segment s = all.get(lo);
		if (index < s.start || index >= s.start + s.count) {
			return null;
		}
		return s;
	}

	/** The line at {@code index}, or null when it is not stored (purged, not yet written). */
	public Line read(long index) {
		Segment s = segmentOf(index);
		if (s == null) {
			return null;
		}
		try {
			ByteBuffer e = s.indexEntry(index - s.start);
			return s.readRecord(e.getLong(0), index);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The line at {@code index} whose index entry the caller has just read (a search): one read fewer. */
	public Line read(long index, ByteBuffer entry) {
		Segment s = segmentOf(index);
		if (s == null) {
			return null;
		}
		try {
			return s.readRecord(entry.getLong(entry.position()), index);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The stored index entry of a line (a view over {@value #IDX} bytes), or null. */
	public ByteBuffer indexEntry(long index) {
		Segment s = segmentOf(index);
		if (s == null) {
			return null;
		}
		try {
			return s.indexEntry(index - s.start);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Reads the index entries from {@code from} (inclusive) to {@code to} (exclusive) of one segment in bulk, for scans. */
	public ByteBuffer indexEntries(long from, long to) {
		Segment s = segmentOf(from);
		if (s == null) {
			return ByteBuffer.allocate(0);
		}
		long end = Math.min(to, s.start + s.count);
		try {
			return s.readIdx(from - s.start, (int) (end - from));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] leafHash(long index) {
		Segment s = segmentOf(index);
		if (s == null) {
			throw new IllegalArgumentException("line " + index + " is not stored");
		}
		try {
			ByteBuffer b = ByteBuffer.allocate(32);
			s.leaves.read(b, (index - s.start) * 32);
			return b.array();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Subtree hashes of the tree as stored: from the leaf hashes where lines are kept, from the checkpoint of the first
	 * kept segment below it (the hashes of the pruned subtrees).
	 */
	public Merkle.Nodes nodes() {
		long first = firstIndex();
		CompactRange pruned;
		try {
			pruned = first == 0 ? new CompactRange() : readCheckpoint(checkpointsDir, first);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<long[]> spans = new ArrayList<>();
		long at = 0;
		for (int bit = 63; bit >= 0; bit--) {
			if ((first & (1L << bit)) != 0) {
				spans.add(new long[] { at, at + (1L << bit) });
				at += 1L << bit;
			}
		}
		List<byte[]> prunedHashes = pruned.hashes();
		return new Merkle.Nodes() {
			@Override
			public byte[] hash(long from, long to) {
				if (from >= first) {
					return rangeHash(from, to);
				}
				for (int i = 0; i < spans.size(); i++) {
					if (spans.get(i)[0] == from && spans.get(i)[1] == to) {
						return prunedHashes.get(i);
					}
				}
				if (to - from <= 1) {
					throw new IllegalStateException("line " + from + " was purged and its hash is not kept");
				}
				long k = Merkle.split(to - from);
				return Merkle.nodeHash(hash(from, from + k), hash(from + k, to));
			}
		};
	}

	private byte[] rangeHash(long from, long to) {
		CompactRange r = new CompactRange();
		ByteBuffer b = ByteBuffer.allocate(32 * 4096);
		long i = from;
		while (i < to) {
			Segment s = segmentOf(i);
			if (s == null) {
				throw new IllegalArgumentException("line " + i + " is not stored");
			}
			long end = Math.min(to, s.start + s.count);
			long p = (i - s.start) * 32;
			while (i < end) {
				b.clear();
				b.limit((int) Math.min(b.capacity(), (end - i) * 32));
				try {
					int read = s.leaves.read(b, p);
					if (read <= 0) {
						throw new IOException("leaf hashes of segment " + s.start + " are short");
					}
					p += read;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				b.flip();
				byte[] h = new byte[32];
				while (b.remaining() >= 32) {
					b.get(h);
					r.append(h.clone());
					i++;
				}
			}
		}
		return r.root();
	}

	// ---- verification

	/** What {@link #verify()} found: the first line or tree head that does not match, if any. */
	public record Verification(boolean ok, long lines, long treeSize, String rootHash, Long firstBadIndex,
			Long firstBadTreeHead, String problem) {
	}

	/**
	 * Recomputes everything: every record's framing, index and leaf hash (against the stored leaf hashes), the tree
	 * at each signed tree head, each signature, and the checkpoints that stand for purged lines.
	 */
	public Verification verify() {
		List<TreeHead> hs = readHeadsForVerify();
		int nextHead = 0;
		long first = firstIndex();
		CompactRange r;
		try {
			r = first == 0 ? new CompactRange() : readCheckpoint(checkpointsDir, first);
		}
		catch (IOException e) {
			r = null;
		}
		if (r == null) {
			return bad(0, 0, null, first, null, "la sauvegarde des sous-arbres purgés (checkpoint " + first + ") est absente ou illisible");
		}
		// Tree heads over purged lines: their signatures only.
		long previousSize = -1;
		long previousTime = Long.MIN_VALUE;
		for (int i = 0; i < hs.size(); i++) {
			TreeHead h = hs.get(i);
			if (h == null || !h.verify(key.publicKey())) {
				return bad(0, 0, null, null, (long) i, "la signature de la tête d'arbre n° " + i + " ne correspond pas");
			}
			if (h.treeSize() < previousSize || h.timestamp() < previousTime) {
				return bad(0, 0, null, null, (long) i, "la tête d'arbre n° " + i + " recule (taille ou date)");
			}
			previousSize = h.treeSize();
			previousTime = h.timestamp();
		}
		while (nextHead < hs.size() && hs.get(nextHead).treeSize() < first) {
			nextHead++;
		}
		// heads signed over exactly the lines before the first kept one (an empty tree, or the purged prefix)
		while (nextHead < hs.size() && hs.get(nextHead).treeSize() == r.size()) {
			if (!Arrays.equals(hs.get(nextHead).rootHash(), r.root())) {
				return bad(first, r.size(), r, null, (long) nextHead, "la tête d'arbre n° " + nextHead + " (taille "
						+ hs.get(nextHead).treeSize() + ") ne correspond pas aux lignes");
			}
			nextHead++;
		}
		long expected = first;
		MessageDigestHolder md = new MessageDigestHolder();
		for (Segment s : segments) {
			if (s.start != expected) {
				return bad(expected, r.size(), r, expected, null, "il manque des lignes avant le segment " + s.start);
			}
			if (s.start != first) {
				CompactRange cp;
				try {
					cp = readCheckpoint(checkpointsDir, s.start);
				}
				catch (IOException e) {
					cp = null;
				}
				if (cp == null || !Arrays.equals(cp.root(), r.root())) {
					return bad(expected, r.size(), r, s.start, null, "la sauvegarde d'arbre au début du segment " + s.start + " ne correspond pas");
				}
			}
			try {
				long[] pos = { 0 };
				long count = s.count;
				for (long i = 0; i < count; i++) {
					long index = s.start + i;
					byte[] rec = s.readRecordAt(pos[0]);
					if (rec == null) {
						return bad(index, r.size(), r, index, null, "la ligne " + index + " est tronquée ou absente");
					}
					ByteBuffer b = ByteBuffer.wrap(rec);
					long stored = b.getLong(4);
					if (stored != index) {
						return bad(index, r.size(), r, index, null, "la ligne " + index + " porte le numéro " + stored + " (ligne ôtée ou insérée)");
					}
					byte[] leaf = Merkle.leafHash(md.md, rec, HEADER, rec.length - HEADER);
					ByteBuffer storedLeaf = ByteBuffer.allocate(32);
					s.leaves.read(storedLeaf, i * 32);
					if (!Arrays.equals(leaf, storedLeaf.array())) {
						return bad(index, r.size(), r, index, null, "la ligne " + index + " ne correspond plus à son empreinte");
					}
					ByteBuffer ie = s.indexEntry(i);
					if (ie.getLong(0) != pos[0]) {
						return bad(index, r.size(), r, index, null, "l'index de la ligne " + index + " ne pointe plus sur elle");
					}
					SegmentKeys.Filter keys = s.keys;
					if (keys != null && !keys.covers(ie, 0)) {
						return bad(index, r.size(), r, index, null, "le résumé du segment " + s.start
								+ " ne couvre pas la ligne " + index + " (une recherche la manquerait)");
					}

					pos[0] += rec.length;
					r.append(leaf);
					while (nextHead < hs.size() && hs.get(nextHead).treeSize() == r.size()) {
						if (!Arrays.equals(hs.get(nextHead).rootHash(), r.root())) {
							return bad(index, r.size(), r, null, (long) nextHead, "la tête d'arbre n° " + nextHead
									+ " (taille " + hs.get(nextHead).treeSize() + ") ne correspond pas aux lignes");
						}
						nextHead++;
					}
				}
				if (pos[0] != s.storedBytes()) {
					long index = s.start + count;
					return bad(index, r.size(), r, index, null, "le segment " + s.start + " contient des octets après sa dernière ligne (ligne insérée ?)");
				}
				// its lines are sound: the lines per key must give each of them as its index and its line do (the
				// stored file, even when the builder thread has not opened it yet)
				SegmentPostings opened = s.postings;
				SegmentPostings postings = opened != null || s.collecting != null ? opened
						: SegmentPostings.open(s.postingsFile(segmentsDir), s.count);
				long wrong;
				try {
					wrong = postings == null ? -1 : postings.firstMismatch(s.idx, s.values(indexer));
				}
				finally {
					if (postings != null && postings != opened) {
						postings.close();
					}
				}
				if (wrong >= 0) {
					long index = s.start + wrong;
					return bad(index, r.size(), r, index, null, "l'index par valeur du segment " + s.start
							+ " ne donne pas la ligne " + index + " comme son index et sa ligne (une recherche la manquerait)");
				}
			}
			catch (IOException | UncheckedIOException e) {
				return bad(expected, r.size(), r, expected, null, "segment " + s.start + " illisible : " + e.getMessage());
			}
			expected = s.start + s.count;
		}
		if (nextHead < hs.size()) {
			return bad(expected, r.size(), r, expected, (long) nextHead, "la tête d'arbre n° " + nextHead + " couvre "
					+ hs.get(nextHead).treeSize() + " lignes, il n'y en a que " + expected + " (segment tronqué ?)");
		}
		return new Verification(true, expected - first, r.size(), HexFormat.of().formatHex(r.root()), null, null, null);
	}

	private List<TreeHead> readHeadsForVerify() {
		Path f = headsDir.resolve("tree-heads.jsonl");
		List<TreeHead> out = new ArrayList<>();
		try {
			if (Files.exists(f)) {
				for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
					if (!l.isBlank()) {
						out.add(TreeHead.parse(l));
					}
				}
			}
		}
		catch (IOException | UncheckedIOException e) {
			out.add(null);
		}
		return out;
	}

	private static Verification bad(long lines, long treeSize, CompactRange r, Long index, Long head, String problem) {
		return new Verification(false, lines, treeSize, r == null ? null : HexFormat.of().formatHex(r.root()), index,
				head, problem);
	}

	private static final class MessageDigestHolder {
		final java.security.MessageDigest md = Merkle.sha256();
	}

	// ---- retention

	/** What a purge removed. */
	public record Purge(Instant at, long fromIndex, long toIndex, int segments) {
	}

	/**
	 * Removes whole closed segments whose last line was received before {@code cutoff}, oldest first; the checkpoint
	 * of the first kept segment keeps the hashes of the pruned subtrees, so that the tree stays verifiable.
	 */
	public Purge purgeBefore(Instant cutoff, Instant now) throws IOException {
		long cut = cutoff.getEpochSecond() * 1_000_000L + cutoff.getNano() / 1000;
		long from = firstIndex();
		int removed = 0;
		while (segments.size() > 1 && segments.get(0).count > 0 && segments.get(0).maxMicros < cut) {
			Segment s = segments.get(0);
			if (readCheckpoint(checkpointsDir, segments.get(1).start) == null) {
				throw new IOException("checkpoint " + segments.get(1).start + " is missing: purge refused");
			}
			segments.remove(0);
			synchronized (s) {
				s.purged = true;
			}
			s.closeQuietly();
			s.postings = null;
			for (String ext : List.of(".seg", ".leaves", ".idx", ".summary", ".keys", ".post", ".post.tmp")) {
				Files.deleteIfExists(segmentsDir.resolve(name(s.start) + ext));
			}
			removed++;
		}
		long to = firstIndex();
		Purge p = new Purge(now, from, to, removed);
		if (removed > 0) {
			String json = "{\"at\":\"" + now + "\",\"fromIndex\":" + from + ",\"toIndex\":" + to + ",\"segments\":" + removed
					+ ",\"cutoff\":\"" + cutoff + "\"}\n";
			Files.writeString(headsDir.resolve("purges.jsonl"), json, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.SYNC);
		}
		return p;
	}

	public List<String> purgeRecords() throws IOException {
		Path f = headsDir.resolve("purges.jsonl");
		return Files.exists(f) ? Files.readAllLines(f) : List.of();
	}

	@Override
	public void close() throws IOException {
		closing = true;
		// no interrupt: it would close the segment's channels under the build; the one under way finishes (seconds)
		postingsBuilder.shutdown();
		try {
			postingsBuilder.awaitTermination(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		Segment a = active();
		a.seg.force(false);
		a.leaves.force(false);
		a.idx.force(false);
		durableSize = size;
		for (Segment s : segments) {
			s.closeQuietly();
		}
		headsOut.close();
	}

	static long utcDay(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
	}
}
