package org.entente.journal.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 9162 hashes and proofs, checked against a tree built by the definition. */
class MerkleTest {

	private static List<byte[]> leaves(int n) {
		List<byte[]> l = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			l.add(Merkle.leafHash(("line " + i).getBytes(StandardCharsets.UTF_8)));
		}
		return l;
	}

	private static Merkle.Nodes nodes(List<byte[]> leaves) {
		return (from, to) -> Merkle.root(leaves, (int) from, (int) to);
	}

	@Test
	void domainSeparatedHashesAsRfc9162() {
		// SHA-256 of the empty string, of 0x00, and of 0x01 || a || b
		assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(HexFormat.of().formatHex(Merkle.leafHash(new byte[0])))
			.isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
		byte[] a = Merkle.leafHash(new byte[] { 1 });
		byte[] b = Merkle.leafHash(new byte[] { 2 });
		byte[] concat = new byte[65];
		concat[0] = 1;
		System.arraycopy(a, 0, concat, 1, 32);
		System.arraycopy(b, 0, concat, 33, 32);
		assertThat(Merkle.nodeHash(a, b)).isEqualTo(Merkle.sha256().digest(concat));
	}

	@Test
	void compactRangeRootIsTheTreeRootAtEverySize() {
		List<byte[]> l = leaves(130);
		CompactRange r = new CompactRange();
		for (int n = 1; n <= l.size(); n++) {
			r.append(l.get(n - 1));
			assertThat(r.root()).as("size %d", n).isEqualTo(Merkle.root(l, 0, n));
			assertThat(r.hashes()).hasSize(Long.bitCount(n));
		}
	}

	@Test
	void inclusionProofsVerifyAndFailWhenAnythingChanges() {
		for (int n = 1; n <= 70; n++) {
			List<byte[]> l = leaves(n);
			byte[] root = Merkle.root(l, 0, n);
			for (int m = 0; m < n; m++) {
				List<byte[]> proof = Merkle.inclusionProof(nodes(l), m, n);
				assertThat(Merkle.verifyInclusion(m, n, l.get(m), proof, root)).as("leaf %d of %d", m, n).isTrue();
				int other = (m + 1) % n;
				if (other != m) {
					assertThat(Merkle.verifyInclusion(m, n, l.get(other), proof, root)).isFalse();
					assertThat(Merkle.verifyInclusion(other, n, l.get(m), proof, root)).isFalse();
				}
				assertThat(Merkle.verifyInclusion(m, n, l.get(m), proof, Merkle.leafHash(new byte[] { 9 }))).isFalse();
			}
		}
	}

	@Test
	void consistencyProofsVerifyAndFailForAnotherHistory() {
		for (int n = 1; n <= 50; n++) {
			List<byte[]> l = leaves(n);
			byte[] root2 = Merkle.root(l, 0, n);
			for (int m = 1; m <= n; m++) {
				byte[] root1 = Merkle.root(l, 0, m);
				List<byte[]> proof = Merkle.consistencyProof(nodes(l), m, n);
				assertThat(Merkle.verifyConsistency(m, n, root1, root2, proof)).as("%d to %d", m, n).isTrue();
				if (m < n) {
					List<byte[]> forked = new ArrayList<>(l);
					forked.set(m - 1, Merkle.leafHash(new byte[] { 7 }));
					byte[] otherRoot1 = Merkle.root(forked, 0, m);
					assertThat(Merkle.verifyConsistency(m, n, otherRoot1, root2, proof)).isFalse();
					if (!proof.isEmpty()) {
						List<byte[]> broken = new ArrayList<>(proof);
						byte[] c = broken.get(0).clone();
						c[0] ^= 1;
						broken.set(0, c);
						assertThat(Merkle.verifyConsistency(m, n, root1, root2, broken)).isFalse();
					}
				}
			}
		}
	}

	@Test
	void rangeProofRebuildsTheRootFromChosenLines() {
		List<byte[]> l = leaves(37);
		byte[] root = Merkle.root(l, 0, 37);
		long[] chosen = { 0, 3, 4, 5, 17, 36 };
		List<byte[]> proof = RangeProof.prove(nodes(l), 37, Arrays.stream(chosen).iterator());
		List<byte[]> chosenHashes = Arrays.stream(chosen).mapToObj(i -> l.get((int) i)).toList();
		assertThat(RangeProof.root(37, Arrays.stream(chosen).boxed().iterator(), chosenHashes.iterator(), proof.iterator()))
			.isEqualTo(root);
		List<byte[]> tampered = new ArrayList<>(chosenHashes);
		tampered.set(2, Merkle.leafHash(new byte[] { 1 }));
		assertThat(RangeProof.root(37, Arrays.stream(chosen).boxed().iterator(), tampered.iterator(), proof.iterator()))
			.isNotEqualTo(root);
	}
}
