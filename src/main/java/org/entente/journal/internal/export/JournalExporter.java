package org.entente.journal.internal.export;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.entente.journal.internal.JournalSearch;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.Merkle;
import org.entente.journal.internal.store.RangeProof;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.TreeHead;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export archive as a stream: {@code lines.log} (the raw lines, each followed by LF, in the order received,
 * byte for byte), {@code manifest.json}, {@code tree-head.json} (the signed head and its public key),
 * {@code proof.json} (one multi-leaf proof against that head) and {@code lines.jsonl} (per line: index, receive time,
 * sender, receiver, length: what the leaf hash covers besides the raw bytes). Memory stays small: the line numbers
 * wait in a temporary file for the proof.
 */
public final class JournalExporter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What went into an archive. */
	public record Summary(long lines, long treeSize, String linesSha256, Long firstIndex, Long lastIndex) {
	}

	private JournalExporter() {
	}

	public static Summary write(OutputStream out, JournalStore store, JournalSearch search, TreeHead head,
			JournalSearch.Criteria criteria, Map<String, Object> about) throws IOException {
		return write(out, store, search, head, criteria, about, new JournalSearch.Progress());
	}

	/** As above, telling {@code progress} how far the lines are (the proof and the rest are quick). */
	public static Summary write(OutputStream out, JournalStore store, JournalSearch search, TreeHead head,
			JournalSearch.Criteria criteria, Map<String, Object> about, JournalSearch.Progress progress) throws IOException {
		Path tmp = Files.createTempDirectory("journal-export");
		Path indices = tmp.resolve("indices");
		Path meta = tmp.resolve("lines.jsonl");
		try {
			ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16));
			zip.putNextEntry(new ZipEntry(ExportFormat.LINES));
			MessageDigest sha = Merkle.sha256();
			DigestOutputStream lines = new DigestOutputStream(new NonClosing(zip), sha);
			long[] stats = { 0, -1, -1 };
			try (DataOutputStream idx = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(indices)));
					OutputStream m = new BufferedOutputStream(Files.newOutputStream(meta))) {
				search.scan(store, criteria, head.treeSize(), line -> {
					try {
						lines.write(line.raw());
						lines.write('\n');
						idx.writeLong(line.index());
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("index", line.index());
						row.put("receivedAtMicros", line.receivedAtMicros());
						row.put("receivedAt", Instant.ofEpochSecond(0, line.receivedAtMicros() * 1000).toString());
						row.put("sender", line.sender());
						row.put("receiver", line.receiver());
						row.put("length", line.raw().length);
						m.write(JSON.writeValueAsBytes(row));
						m.write('\n');
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					if (stats[1] < 0) {
						stats[1] = line.index();
					}
					stats[2] = line.index();
					stats[0]++;
					return true;
				}, progress);
			}
			catch (UncheckedIOException e) {
				throw e.getCause();
			}
			lines.flush();
			zip.closeEntry();
			String linesSha = HexFormat.of().formatHex(sha.digest());
			Summary summary = new Summary(stats[0], head.treeSize(), linesSha, stats[1] < 0 ? null : stats[1],
					stats[2] < 0 ? null : stats[2]);

			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("format", ExportFormat.FORMAT);
			manifest.putAll(about);
			manifest.put("criteria", criteriaMap(criteria));
			manifest.put("lines", summary.lines());
			manifest.put("firstIndex", summary.firstIndex());
			manifest.put("lastIndex", summary.lastIndex());
			manifest.put("treeSize", head.treeSize());
			manifest.put("linesSha256", linesSha);
			manifest.put("publicKeyFingerprint", SigningKey.fingerprint(store.key().publicKey()));
			manifest.put("check", "java -jar entente.jar journal verify <archive.zip> [--fingerprint=" + SigningKey.fingerprint(store.key().publicKey()) + "]");
			zip.putNextEntry(new ZipEntry(ExportFormat.MANIFEST));
			zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();

			zip.putNextEntry(new ZipEntry(ExportFormat.TREE_HEAD));
			zip.write(treeHeadJson(head, store.key()).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();

			zip.putNextEntry(new ZipEntry(ExportFormat.PROOF));
			zip.write(("{\"algorithm\":\"" + ExportFormat.PROOF_ALGORITHM + "\",\"treeSize\":" + head.treeSize() + ",\"hashes\":[")
				.getBytes(StandardCharsets.US_ASCII));
			boolean[] first = { true };
			try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(indices)))) {
				RangeProof.prove(store.nodes(), head.treeSize(), longs(in, summary.lines()), h -> {
					try {
						zip.write(((first[0] ? "\n\"" : ",\n\"") + HexFormat.of().formatHex(h) + "\"").getBytes(StandardCharsets.US_ASCII));
						first[0] = false;
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			}
			catch (UncheckedIOException e) {
				throw e.getCause();
			}
			zip.write("\n]}\n".getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();

			zip.putNextEntry(new ZipEntry(ExportFormat.LINE_INDEX));
			try (InputStream in = Files.newInputStream(meta)) {
				in.transferTo(zip);
			}
			zip.closeEntry();
			zip.finish();
			zip.flush();
			return summary;
		}
		finally {
			Files.deleteIfExists(indices);
			Files.deleteIfExists(meta);
			Files.deleteIfExists(tmp);
		}
	}

	public static String treeHeadJson(TreeHead head, SigningKey key) {
		return "{\"treeSize\":" + head.treeSize() + ",\"timestamp\":" + head.timestamp() + ",\"signedAt\":\""
				+ Instant.ofEpochMilli(head.timestamp()) + "\",\"rootHash\":\"" + head.rootHex() + "\",\"signature\":\""
				+ java.util.Base64.getEncoder().encodeToString(head.signature()) + "\",\"signatureAlgorithm\":\"Ed25519\",\"publicKey\":\""
				+ key.publicKeyBase64() + "\",\"publicKeyFingerprint\":\"" + SigningKey.fingerprint(key.publicKey()) + "\"}\n";
	}

	private static Map<String, Object> criteriaMap(JournalSearch.Criteria c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("from", c.from().toString());
		m.put("to", c.to().toString());
		m.put("establishment", c.establishment());
		m.put("host", c.host());
		m.put("sender", c.sender());
		m.put("user", c.user());
		m.put("q", c.q());
		m.put("address", c.address());
		return m;
	}

	private static Iterator<Long> longs(DataInputStream in, long n) {
		return new Iterator<>() {
			long read;

			@Override
			public boolean hasNext() {
				return read < n;
			}

			@Override
			public Long next() {
				if (read >= n) {
					throw new NoSuchElementException();
				}
				try {
					read++;
					return in.readLong();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		};
	}

	/** The zip entry stays open when the digest stream is done with. */
	private static final class NonClosing extends java.io.FilterOutputStream {
		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
