package org.entente.journal.benchmark;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entente.journal.internal.JournalSearch;
import org.entente.journal.internal.export.JournalExporter;
import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.Incoming;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Merkle;
import org.entente.journal.internal.store.SigningKey;

/**
 * Writes a sample export archive (for trying {@code java -jar entente.jar journal verify sample.zip}):
 * {@code java -cp … org.entente.journal.benchmark.ExportSample /tmp/sample-journal /tmp/sample.zip [lines]}.
 */
public final class ExportSample {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		Path zip = Path.of(args[1]);
		int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
		try (JournalStore store = JournalStore.open(dir, SigningKey.loadOrCreate(dir.resolve("keys/signing.key")), l -> IndexFields.NONE)) {
			MessageDigest md = Merkle.sha256();
			List<Incoming> lines = new ArrayList<>();
			long now = Instant.now().toEpochMilli() * 1000;
			for (int i = 0; i < n; i++) {
				byte[] raw = ("<134>1 2026-12-01T10:00:00Z fw squid - - - user=eleve" + i + " GET http://example.org/" + i)
					.getBytes(StandardCharsets.UTF_8);
				lines.add(Incoming.of(md, now + i, "10.35.1." + (i % 250), "tcp://127.0.0.1:5514", raw, 0, raw.length,
						IndexFields.NONE.withUai(i % 2 == 0 ? "0359901X" : "0359902Y")));
			}
			store.append(lines);
			var head = store.signTreeHead(System.currentTimeMillis());
			JournalSearch search = new JournalSearch(() -> store, new SyslogParser(ZoneId.of("Europe/Paris")));
			try (OutputStream out = Files.newOutputStream(zip)) {
				JournalSearch.Criteria c = new JournalSearch.Criteria(Instant.EPOCH, Instant.now().plusSeconds(3600), "0359901X",
						null, null, null, null);
				var s = JournalExporter.write(out, store, search, head, c, Map.of("purpose", "exemple"));
				System.out.println(s.lines() + " lines of " + s.treeSize() + " exported to " + zip + ", key " + SigningKey.fingerprint(store.key().publicKey()));
			}
		}
	}
}
