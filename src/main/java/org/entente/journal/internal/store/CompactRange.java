package org.entente.journal.internal.store;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree of RFC 9162: the perfect subtrees that make up the first {@code size} leaves,
 * largest first (at most 64 hashes). Appending a leaf costs about one node hash; the root of the current size
 * folds them right to left. It is also what a purge keeps of the lines it removes: the hashes of the pruned subtrees.
 */
public final class CompactRange {

	private final List<byte[]> hashes = new ArrayList<>();
	private long size;
	private final MessageDigest md = Merkle.sha256();

	public CompactRange() {
	}

	/** The range of {@code size} leaves whose perfect subtrees are {@code hashes} (largest first). */
	public CompactRange(long size, List<byte[]> hashes) {
		if (Long.bitCount(size) != hashes.size()) {
			throw new IllegalArgumentException("a range of " + size + " leaves has " + Long.bitCount(size) + " subtrees");
		}
		this.size = size;
		this.hashes.addAll(hashes);
	}

	public long size() {
		return size;
	}

	/** The perfect subtrees, largest first; subtree i covers 2^h leaves where h is the i-th highest bit of size. */
	public List<byte[]> hashes() {
		return List.copyOf(hashes);
	}

	public CompactRange copy() {
		return new CompactRange(size, hashes);
	}

	public void append(byte[] leafHash) {
		appendSubtree(leafHash, 0);
	}

	/** Appends a perfect subtree of 2^height leaves; size must be a multiple of 2^height. */
	public void appendSubtree(byte[] hash, int height) {
		if ((size & ((1L << height) - 1)) != 0) {
			throw new IllegalArgumentException("a subtree of height " + height + " cannot start at " + size);
		}
		byte[] h = hash;
		long s = size >>> height;
		while ((s & 1) == 1) {
			h = Merkle.nodeHash(md, hashes.remove(hashes.size() - 1), h);
			s >>>= 1;
		}
		hashes.add(h);
		size += 1L << height;
	}

	public byte[] root() {
		if (hashes.isEmpty()) {
			return Merkle.emptyRoot();
		}
		byte[] r = hashes.get(hashes.size() - 1);
		for (int i = hashes.size() - 2; i >= 0; i--) {
			r = Merkle.nodeHash(md, hashes.get(i), r);
		}
		return r;
	}
}
