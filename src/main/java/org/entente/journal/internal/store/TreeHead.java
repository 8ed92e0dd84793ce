package org.entente.journal.internal.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed tree head: the size of the tree, when it was signed (ms since the epoch), its root hash and the Ed25519
 * signature over {@code entente-journal-sth-v1 · size (8) · timestamp (8) · root (32)}.
 */
public record TreeHead(long treeSize, long timestamp, byte[] rootHash, byte[] signature) {

	private static final byte[] CONTEXT = "entente-journal-sth-v1".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern FIELD = Pattern.compile("\"(treeSize|timestamp|rootHash|signature)\"\\s*:\\s*\"?([^\",}]*)\"?");

	public static byte[] signedBytes(long treeSize, long timestamp, byte[] rootHash) {
		return ByteBuffer.allocate(CONTEXT.length + 16 + rootHash.length).put(CONTEXT).putLong(treeSize)
			.putLong(timestamp).put(rootHash).array();
	}

	public boolean verify(PublicKey key) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initVerify(key);
			s.update(signedBytes(treeSize, timestamp, rootHash));
			return s.verify(signature);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}

	public String rootHex() {
		return HexFormat.of().formatHex(rootHash);
	}

	/** One JSON object on one line. */
	public String toJson() {
		return "{\"treeSize\":" + treeSize + ",\"timestamp\":" + timestamp + ",\"rootHash\":\"" + rootHex()
				+ "\",\"signature\":\"" + Base64.getEncoder().encodeToString(signature) + "\"}";
	}

	/** Reads what {@link #toJson()} wrote (any order of the four members); null when a member is missing or bad. */
	public static TreeHead parse(String json) {
		Long size = null;
		Long ts = null;
		byte[] root = null;
		byte[] sig = null;
		Matcher m = FIELD.matcher(json);
		try {
			while (m.find()) {
				String v = m.group(2).trim();
				switch (m.group(1)) {
					case "treeSize" -> size = Long.parseLong(v);
					case "timestamp" -> ts = Long.parseLong(v);
					case "rootHash" -> root = HexFormat.of().parseHex(v);
					case "signature" -> sig = Base64.getDecoder().decode(v);
					default -> {
					}
				}
			}
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		if (size == null || ts == null || root == null || sig == null || root.length != Merkle.HASH) {
			return null;
		}
		return new TreeHead(size, ts, root, sig);
	}
}
