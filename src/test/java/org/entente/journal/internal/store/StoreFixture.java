package org.entente.journal.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Lines for store tests: line i says « line i », received at a fixed time plus i ms. */
final class StoreFixture {

	static final long T0 = 1_796_000_000_000_000L;

	private StoreFixture() {
	}

	static byte[] raw(long i) {
		return ("<134>1 2026-12-01T10:00:00Z fw-0359901X squid - - - user=eleve" + i + " GET http://example.org/" + i + " line " + i)
			.getBytes(StandardCharsets.UTF_8);
	}

	static List<Incoming> lines(long from, long to) {
		MessageDigest md = Merkle.sha256();
		List<Incoming> l = new ArrayList<>();
		for (long i = from; i < to; i++) {
			byte[] r = raw(i);
			l.add(Incoming.of(md, T0 + i * 1000, "10.35.1." + (i % 250), "tcp://127.0.0.1:5514", r, 0, r.length,
					IndexFields.NONE));
		}
		return l;
	}

	static JournalStore open(Path dir, long maxSegmentBytes) throws IOException {
		return JournalStore.open(dir, dir.resolve("heads"), new StoreOptions(maxSegmentBytes, 1 << 20),
				SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), line -> IndexFields.NONE);
	}
}
