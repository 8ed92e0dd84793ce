package org.entente.journal.internal.store;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.function.Consumer;

/**
 * One proof for many lines: the hashes of the RFC 9162 subtrees that hold none of the chosen lines, in the order of
 * a left-to-right walk of the tree. With the chosen lines' leaf hashes it rebuilds the root of the tree head; a
 * contiguous range costs about 2·log2(n) hashes, scattered lines about log2(n) each at worst.
 */
public final class RangeProof {

	private RangeProof() {
	}

	private static final class Peek {
		final Iterator<Long> it;
		Long next;

		Peek(Iterator<Long> it) {
			this.it = it;
			this.next = it.hasNext() ? it.next() : null;
		}

		void advance() {
			next = it.hasNext() ? it.next() : null;
		}
	}

	public static List<byte[]> prove(Merkle.Nodes nodes, long treeSize, PrimitiveIterator.OfLong chosen) {
		List<byte[]> out = new ArrayList<>();
		prove(nodes, treeSize, chosen, out::add);
		return out;
	}

	/** Streams the proof for the chosen line indices (strictly increasing, all below treeSize). */
	public static void prove(Merkle.Nodes nodes, long treeSize, Iterator<Long> chosen, Consumer<byte[]> out) {
		if (treeSize == 0) {
			return;
		}
		Peek p = new Peek(chosen);
		prove(nodes, 0, treeSize, p, out);
		if (p.next != null) {
			throw new IllegalArgumentException("line " + p.next + " is not in a tree of " + treeSize + " or out of order");
		}
	}

	private static void prove(Merkle.Nodes nodes, long from, long to, Peek p, Consumer<byte[]> out) {
		if (p.next == null || p.next >= to) {
			out.accept(nodes.hash(from, to));
			return;
		}
		if (p.next < from) {
			throw new IllegalArgumentException("line " + p.next + " is out of order");
		}
		if (to - from == 1) {
			p.advance();
			return;
		}
		long k = Merkle.split(to - from);
		prove(nodes, from, from + k, p, out);
		prove(nodes, from + k, to, p, out);
	}

	/** The root that the chosen lines and the proof give; null when they do not fit together. */
	public static byte[] root(long treeSize, Iterator<Long> chosen, Iterator<byte[]> leafHashes, Iterator<byte[]> proof) {
		if (treeSize == 0) {
			return Merkle.emptyRoot();
		}
		Peek p = new Peek(chosen);
		MessageDigest md = Merkle.sha256();
		try {
			byte[] r = root(0, treeSize, p, leafHashes, proof, md);
			return p.next == null && !proof.hasNext() && !leafHashes.hasNext() ? r : null;
		}
		catch (java.util.NoSuchElementException | IllegalArgumentException e) {
			return null;
		}
	}

	private static byte[] root(long from, long to, Peek p, Iterator<byte[]> leafHashes, Iterator<byte[]> proof,
			MessageDigest md) {
		if (p.next == null || p.next >= to) {
			return proof.next();
		}
		if (p.next < from) {
			throw new IllegalArgumentException("out of order");
		}
		if (to - from == 1) {
			p.advance();
			return leafHashes.next();
		}
		long k = Merkle.split(to - from);
		byte[] left = root(from, from + k, p, leafHashes, proof, md);
		byte[] right = root(from + k, to, p, leafHashes, proof, md);
		return Merkle.nodeHash(md, left, right);
	}
}
