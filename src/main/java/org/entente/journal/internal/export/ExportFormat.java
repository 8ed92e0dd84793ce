package org.entente.journal.internal.export;

/** Names in an export archive. */
public final class ExportFormat {

	public static final String LINES = "lines.log";
	public static final String LINE_INDEX = "lines.jsonl";
	public static final String MANIFEST = "manifest.json";
	public static final String TREE_HEAD = "tree-head.json";
	public static final String PROOF = "proof.json";
	public static final String FORMAT = "entente-journal-export-v1";
	public static final String PROOF_ALGORITHM = "RFC 9162 Merkle tree; multi-leaf proof: hashes of the subtrees holding no exported line, left to right";

	private ExportFormat() {
	}
}
