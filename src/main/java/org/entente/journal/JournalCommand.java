package org.entente.journal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.entente.journal.internal.export.ExportVerifier;

/**
 * The standalone check of an export: {@code java -jar entente.jar journal verify export.zip [--fingerprint=HEX]}.
 * Runs before Spring starts and needs no database: only the archive (and, to be sure of the signer, the fingerprint
 * of the public key published on the journal's page and at {@code GET /api/v1/journal/tree-head}).
 */
public final class JournalCommand {

	private JournalCommand() {
	}

	/** Whether the command line asks for this command rather than for the application. */
	public static boolean handles(String[] args) {
		return args.length >= 2 && "journal".equals(args[0]) && "verify".equals(args[1]);
	}

	/** Checks the archive; 0 when it holds, 1 when it does not, 2 when the command line is wrong. */
	public static int run(String[] args, PrintStream out) {
		Path archive = null;
		String fingerprint = null;
		for (int i = 2; i < args.length; i++) {
			if (args[i].startsWith("--fingerprint=")) {
				fingerprint = args[i].substring("--fingerprint=".length()).trim();
			}
			else if (archive == null) {
				archive = Path.of(args[i]);
			}
		}
		if (archive == null || !Files.isRegularFile(archive)) {
			out.println("usage : java -jar entente.jar journal verify <export.zip> [--fingerprint=<empreinte de la clé publique>]");
			return 2;
		}
		ExportVerifier.Report r = ExportVerifier.verify(archive, fingerprint);
		for (String m : r.messages()) {
			out.println((r.ok() ? "OK   " : "") + m);
		}
		if (r.ok()) {
			out.println("OK   l'export " + archive.getFileName() + " est intact (" + r.lines() + " lignes, arbre de " + r.treeSize() + ")");
			if (fingerprint == null) {
				out.println("NOTE comparez l'empreinte de la clé ci-dessus à celle publiée par le Département (--fingerprint=… pour l'exiger)");
			}
			return 0;
		}
		out.println("ÉCHEC l'export " + archive.getFileName() + " ne peut être tenu pour intact"
				+ (r.firstBadIndex() != null ? " (ligne " + r.firstBadIndex() + ")" : ""));
		return 1;
	}
}
