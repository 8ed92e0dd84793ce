package org.entente.journal.internal.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One line as received: the raw bytes exactly as they came, the receive time (microseconds since the epoch), the
 * sender's address and the receiver (transport and local address). The leaf of the Merkle tree is the hash of
 * {@link #leafData()}, which an export carries again so that anyone can recompute it.
 */
public record Line(long index, long receivedAtMicros, String sender, String receiver, byte[] raw) {

	static final byte VERSION = 1;

	/** version (1) · receivedAt µs (8, big-endian) · sender (2 + UTF-8) · receiver (2 + UTF-8) · raw (4 + bytes). */
	public static byte[] leafData(long receivedAtMicros, String sender, String receiver, byte[] raw, int off, int len) {
		byte[] s = sender.getBytes(StandardCharsets.UTF_8);
		byte[] r = receiver.getBytes(StandardCharsets.UTF_8);
		if (s.length > 0xFFFF || r.length > 0xFFFF) {
			throw new IllegalArgumentException("sender or receiver too long");
		}
		ByteBuffer b = ByteBuffer.allocate(1 + 8 + 2 + s.length + 2 + r.length + 4 + len);
		b.put(VERSION).putLong(receivedAtMicros).putShort((short) s.length).put(s).putShort((short) r.length).put(r)
			.putInt(len).put(raw, off, len);
		return b.array();
	}

	public byte[] leafData() {
		return leafData(receivedAtMicros, sender, receiver, raw, 0, raw.length);
	}

	public byte[] leafHash() {
		return Merkle.leafHash(leafData());
	}

	/** Decodes leaf data (as written by {@link #leafData}); null when it is not well formed. */
	public static Line decode(long index, byte[] data, int off, int len) {
		try {
			ByteBuffer b = ByteBuffer.wrap(data, off, len);
			if (b.get() != VERSION) {
				return null;
			}
			long at = b.getLong();
			byte[] s = new byte[Short.toUnsignedInt(b.getShort())];
			b.get(s);
			byte[] r = new byte[Short.toUnsignedInt(b.getShort())];
			b.get(r);
			int rawLen = b.getInt();
			if (rawLen < 0 || rawLen != b.remaining()) {
				return null;
			}
			byte[] raw = new byte[rawLen];
			b.get(raw);
			return new Line(index, at, new String(s, StandardCharsets.UTF_8), new String(r, StandardCharsets.UTF_8), raw);
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
