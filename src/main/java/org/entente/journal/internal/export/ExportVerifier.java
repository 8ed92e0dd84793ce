package org.entente.journal.internal.export;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.entente.journal.internal.store.Line;
import org.entente.journal.internal.store.Merkle;
import org.entente.journal.internal.store.RangeProof;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.TreeHead;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an export archive on its own, with no database and no running Entente: the signature of the tree head
 * (with the key in the archive, or the one given), the SHA-256 of {@code lines.log}, each line against its
 * description, and the proof that the lines are those of the signed tree at those positions.
 */
public final class ExportVerifier {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The outcome, with one French sentence per finding. */
	public record Report(boolean ok, long lines, long treeSize, String rootHash, Long firstBadIndex, List<String> messages) {
	}

	private ExportVerifier() {
	}

	/** {@code expectedFingerprint}: the published key's fingerprint to insist on, or null to trust the archive's key. */
	public static Report verify(Path archive, String expectedFingerprint) {
		List<String> messages = new ArrayList<>();
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			for (String name : List.of(ExportFormat.LINES, ExportFormat.LINE_INDEX, ExportFormat.MANIFEST,
					ExportFormat.TREE_HEAD, ExportFormat.PROOF)) {
				if (zip.getEntry(name) == null) {
					return fail(messages, "l'archive ne contient pas « " + name + " »", 0, 0, null, null);
				}
			}
			JsonNode manifest = JSON.readTree(read(zip, ExportFormat.MANIFEST));
			JsonNode th = JSON.readTree(read(zip, ExportFormat.TREE_HEAD));
			TreeHead head = TreeHead.parse(read(zip, ExportFormat.TREE_HEAD));
			if (head == null) {
				return fail(messages, "tree-head.json est illisible", 0, 0, null, null);
			}
			PublicKey key = SigningKey.decodePublic(th.get("publicKey").asString());
			String fingerprint = SigningKey.fingerprint(key);
			if (expectedFingerprint != null && !expectedFingerprint.equalsIgnoreCase(fingerprint)) {
				return fail(messages, "la clé publique de l'archive (" + fingerprint + ") n'est pas celle attendue ("
						+ expectedFingerprint + ")", 0, head.treeSize(), head.rootHex(), null);
			}
			if (!head.verify(key)) {
				return fail(messages, "la signature de la tête d'arbre ne correspond pas à sa clé publique", 0,
						head.treeSize(), head.rootHex(), null);
			}
			messages.add("tête d'arbre signée (Ed25519) valide : " + head.treeSize() + " lignes, racine " + head.rootHex()
					+ ", clé " + fingerprint);
			if (proofTreeSize(zip) != head.treeSize()) {
				return fail(messages, "la preuve porte sur un autre arbre que la tête d'arbre", 0, head.treeSize(), head.rootHex(), null);
			}

			// Pass 1: each line against its description, the SHA-256 of lines.log, leaf hashes.
			MessageDigest sha = Merkle.sha256();
				long count = 0;
			long previous = -1;
			try (InputStream raw = new DigestInputStream(new BufferedInputStream(zip.getInputStream(zip.getEntry(ExportFormat.LINES))), sha);
					BufferedReader meta = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(ExportFormat.LINE_INDEX)), StandardCharsets.UTF_8))) {
				String row;
				while ((row = meta.readLine()) != null) {
					if (row.isBlank()) {
						continue;
					}
					JsonNode r = JSON.readTree(row);
					long index = r.get("index").asLong();
					int length = r.get("length").asInt();
					if (index <= previous || index >= head.treeSize() || length < 0) {
						return fail(messages, "la ligne " + index + " est hors de l'arbre ou dans le désordre", count,
								head.treeSize(), head.rootHex(), index);
					}
					byte[] bytes = raw.readNBytes(length);
					int lf = raw.read();
					if (bytes.length != length || lf != '\n') {
						return fail(messages, "lines.log ne correspond plus à la ligne " + index + " (longueur ou fin de ligne)",
								count, head.treeSize(), head.rootHex(), index);
					}
					previous = index;
					count++;
				}
				if (raw.read() != -1) {
					return fail(messages, "lines.log contient des octets après sa dernière ligne décrite", count,
							head.treeSize(), head.rootHex(), null);
				}
			}
			String linesSha = HexFormat.of().formatHex(sha.digest());
			if (!linesSha.equals(manifest.get("linesSha256").asString())) {
				return fail(messages, "l'empreinte SHA-256 de lines.log ne correspond pas au manifeste", count,
						head.treeSize(), head.rootHex(), null);
			}
			if (manifest.get("lines").asLong() != count) {
				return fail(messages, "le manifeste annonce " + manifest.get("lines").asLong() + " lignes, l'archive en a " + count,
						count, head.treeSize(), head.rootHex(), null);
			}
			// Pass 2: the root from the lines and the proof, all streamed.
			byte[] root;
			try (LineStream a = new LineStream(zip, false); LineStream b = new LineStream(zip, true);
					BufferedReader p = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(ExportFormat.PROOF)), StandardCharsets.US_ASCII))) {
				root = RangeProof.root(head.treeSize(), a.indices(), b.leafHashes(), proofHashes(p));
			}
			if (root == null || !Arrays.equals(root, head.rootHash())) {
				return fail(messages, "les lignes ne sont pas celles de l'arbre signé (une ligne, son heure, son émetteur ou la preuve a changé)",
						count, head.treeSize(), head.rootHex(), null);
			}
			messages.add(count + " lignes vérifiées octet pour octet, preuve d'appartenance à l'arbre valide");
			return new Report(true, count, head.treeSize(), head.rootHex(), null, messages);
		}
		catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
			return fail(messages, "archive illisible : " + e.getMessage(), 0, 0, null, null);
		}
	}

	private static long proofTreeSize(ZipFile zip) throws IOException {
		try (InputStream in = zip.getInputStream(zip.getEntry(ExportFormat.PROOF))) {
			String start = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)").matcher(start);
			return m.find() ? Long.parseLong(m.group(1)) : -1;
		}
	}

	private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("\"([0-9a-f]{64})\"");

	/** The proof's hashes, one per line as the exporter writes them, read as they are needed. */
	private static Iterator<byte[]> proofHashes(BufferedReader r) {
		return new Iterator<>() {
			byte[] next = advance();

			private byte[] advance() {
				try {
					String l;
					while ((l = r.readLine()) != null) {
						java.util.regex.Matcher m = HASH.matcher(l);
						if (m.find() && !l.contains("algorithm")) {
							return HexFormat.of().parseHex(m.group(1));
						}
					}
					return null;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public byte[] next() {
				if (next == null) {
					throw new NoSuchElementException();
				}
				byte[] n = next;
				next = advance();
				return n;
			}
		};
	}

	/** lines.jsonl (and lines.log for leaf hashes) read again, one line at a time. */
	private static final class LineStream implements java.io.Closeable {
		private final BufferedReader meta;
		private final InputStream raw;
		private final MessageDigest md = Merkle.sha256();

		LineStream(ZipFile zip, boolean withRaw) throws IOException {
			meta = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(ExportFormat.LINE_INDEX)), StandardCharsets.UTF_8));
			raw = withRaw ? new BufferedInputStream(zip.getInputStream(zip.getEntry(ExportFormat.LINES))) : null;
		}

		private JsonNode row() {
			try {
				String l;
				while ((l = meta.readLine()) != null) {
					if (!l.isBlank()) {
						return JSON.readTree(l);
					}
				}
				return null;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		Iterator<Long> indices() {
			return iterator(r -> r.get("index").asLong());
		}

		Iterator<byte[]> leafHashes() {
			return iterator(r -> {
				try {
					byte[] bytes = raw.readNBytes(r.get("length").asInt());
					raw.read();
					byte[] data = Line.leafData(r.get("receivedAtMicros").asLong(), r.get("sender").asString(),
							r.get("receiver").asString(), bytes, 0, bytes.length);
					return Merkle.leafHash(md, data, 0, data.length);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}

		private <T> Iterator<T> iterator(java.util.function.Function<JsonNode, T> f) {
			return new Iterator<>() {
				JsonNode next = row();

				@Override
				public boolean hasNext() {
					return next != null;
				}

				@Override
				public T next() {
					if (next == null) {
						throw new NoSuchElementException();
					}
					T v = f.apply(next);
					next = row();
					return v;
				}
			};
		}

		@Override
		public void close() throws IOException {
			meta.close();
			if (raw != null) {
				raw.close();
			}
		}
	}

	private static Report fail(List<String> messages, String why, long lines, long treeSize, String root, Long bad) {
		messages.add(why);
		return new Report(false, lines, treeSize, root, bad, messages);
	}

	private static String read(ZipFile zip, String name) throws IOException {
		ZipEntry e = zip.getEntry(name);
		if (e.getSize() > 16 << 20 && !name.equals(ExportFormat.PROOF)) {
			throw new IOException(name + " est trop grand");
		}
		try (InputStream in = zip.getInputStream(e)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
