package org.entente.journal.internal.store;

import java.security.MessageDigest;

/**
 * A line on its way to the store, prepared by the receiving thread: its leaf data and leaf hash (so that hashing
 * runs on every core), its index fields and the 64-bit keys of its sender, host, user and destination
 * ({@link IndexFields#exactKey}, for the lines per key). The store only numbers it, writes it and adds it to the tree.
 */
public record Incoming(long receivedAtMicros, byte[] leafData, byte[] leafHash, IndexFields fields, int senderKey,
		long senderValue, long hostValue, long userValue, long destinationValue) {

	public static Incoming of(MessageDigest md, long receivedAtMicros, String sender, String receiver, byte[] raw,
			int off, int len, IndexFields fields) {
		byte[] data = Line.leafData(receivedAtMicros, sender, receiver, raw, off, len);
		return new Incoming(receivedAtMicros, data, Merkle.leafHash(md, data, 0, data.length), fields,
				IndexFields.key(sender), IndexFields.exactKey(sender), IndexFields.exactKey(fields.host()),
				IndexFields.exactKey(fields.user()), IndexFields.exactKey(fields.destination()));
	}
}
