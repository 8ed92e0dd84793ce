package org.entente.journal.internal.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1): leaf hash SHA-256(0x00 || data), node hash
 * SHA-256(0x01 || left || right), the left subtree of n leaves holding the largest power of two below n. Inclusion and
 * consistency proofs are built from any {@link Nodes} source (the stored leaf hashes) and checked without one.
 */
public final class Merkle {

	public static final int HASH = 32;

	private Merkle() {
	}

	/** Subtree hashes of the stored tree: MTH(D[from:to]). */
	public interface Nodes {
		byte[] hash(long from, long to);
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static byte[] leafHash(MessageDigest md, byte[] data, int offset, int length) {
		md.reset();
		md.update((byte) 0);
		md.update(data, offset, length);
		return md.digest();
	}

	public static byte[] leafHash(byte[] data) {
		return leafHash(sha256(), data, 0, data.length);
	}

	public static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
		md.reset();
		md.update((byte) 1);
		md.update(left);
		md.update(right);
		return md.digest();
	}

	public static byte[] nodeHash(byte[] left, byte[] right) {
		return nodeHash(sha256(), left, right);
	}

	/** The hash of an empty tree: SHA-256 of the empty string. */
	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** Largest power of two strictly smaller than n (n greater than 1). */
	static long split(long n) {
		return Long.highestOneBit(n - 1);
	}

	/** MTH over a list of leaf hashes, by the definition (for tests and small trees). */
	public static byte[] root(List<byte[]> leafHashes, int from, int to) {
		if (to - from == 0) {
			return emptyRoot();
		}
		if (to - from == 1) {
			return leafHashes.get(from);
		}
		int k = (int) split(to - from);
		return nodeHash(root(leafHashes, from, from + k), root(leafHashes, from + k, to));
	}

	/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf m in the tree of size n. */
	public static List<byte[]> inclusionProof(Nodes nodes, long m, long n) {
		if (m < 0 || m >= n) {
			throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n);
		}
		List<byte[]> proof = new ArrayList<>();
		path(nodes, m, 0, n, proof);
		return proof;
	}

	private static void path(Nodes nodes, long m, long from, long to, List<byte[]> proof) {
		long n = to - from;
		if (n == 1) {
			return;
		}
		long k = split(n);
		if (m - from < k) {
			path(nodes, m, from, from + k, proof);
			proof.add(nodes.hash(from + k, to));
		}
		else {
			path(nodes, m, from + k, to, proof);
			proof.add(nodes.hash(from, from + k));
		}
	}

	/** RFC 9162 §2.1.3.2: does the audit path lead from the leaf hash to the root? */
	public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= treeSize) {
			return false;
		}
		long fn = index;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		MessageDigest md = sha256();
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(md, p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(md, r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: shows that the tree of size n extends the tree of size m. */
	public static List<byte[]> consistencyProof(Nodes nodes, long m, long n) {
		if (m <= 0 || m > n) {
			throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
		}
		List<byte[]> proof = new ArrayList<>();
		if (m < n) {
			subproof(nodes, m, 0, n, true, proof);
		}
		return proof;
	}

	private static void subproof(Nodes nodes, long m, long from, long to, boolean complete, List<byte[]> proof) {
		long n = to - from;
		if (m == n) {
			if (!complete) {
				proof.add(nodes.hash(from, to));
			}
			return;
		}
		long k = split(n);
		if (m <= k) {
			subproof(nodes, m, from, from + k, complete, proof);
			proof.add(nodes.hash(from + k, to));
		}
		else {
			subproof(nodes, m - k, from + k, to, false, proof);
			proof.add(nodes.hash(from, from + k));
		}
	}

	/** RFC 9162 §2.1.4.2: does the proof show that root2 (size n) extends root1 (size m)? */
	public static boolean verifyConsistency(long m, long n, byte[] root1, byte[] root2, List<byte[]> proof) {
		if (m <= 0 || m > n) {
			return false;
		}
		if (m == n) {
			return proof.isEmpty() && Arrays.equals(root1, root2);
		}
		if (proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(m) == 1) {
			path.add(0, root1);
		}
		long fn = m - 1;
		long sn = n - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		MessageDigest md = sha256();
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (int i = 1; i < path.size(); i++) {
			byte[] c = path.get(i);
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(md, c, fr);
				sr = nodeHash(md, c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = nodeHash(md, sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return Arrays.equals(fr, root1) && Arrays.equals(sr, root2) && sn == 0;
	}
}
