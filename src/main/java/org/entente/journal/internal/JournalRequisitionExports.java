package org.entente.journal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.journal.internal.export.JournalExporter;
import org.entente.security.RequisitionExports;
import org.entente.security.RequisitionScope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The journal as an export source of the security module's requisition record: the requisition page offers it,
 * and the archive it makes (period, establishment, address and account of the requisition) is attached to the
 * record as the answer. The person answering must be allowed to export the journal; the export is in the custody
 * log with the requisition's number and reference. The record keeps 5 Mo at most: a larger answer is made from the
 * journal's export page with the same reference, and downloaded from there.
 */
@Component
class JournalRequisitionExports implements RequisitionExports {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final JournalService service;

	JournalRequisitionExports(JournalService service) {
		this.service = service;
	}

	@Override
	public String name() {
		return "Journal des connexions";
	}

	@Override
	public Optional<Export> export(RequisitionScope scope) {
		if (scope.from() == null || scope.to() == null || !scope.to().isAfter(scope.from())) {
			return Optional.empty();
		}
		EntenteUser who = SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof EntenteUser u ? u : null;
		JournalAccess.require(JournalAccess.mayExport(who));
		JournalSearch.Criteria c = new JournalSearch.Criteria(scope.from(), scope.to(), scope.establishment(), null, null,
				JournalRequests.blank(scope.account()), null, JournalRequests.blank(scope.address()));
		String reference = "n° " + scope.requisitionId() + (scope.reference() == null ? "" : " (" + scope.reference() + ")");
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		JournalExporter.Summary s;
		try {
			s = service.export(who, c, "Réquisition " + reference, reference, new Bounded(buffer));
		}
		catch (TooLarge e) {
			throw ProblemException.invalid("source", "L'export du journal dépasse 5 Mo : faites-le depuis la page « Exports » du journal "
					+ "(type réquisition, référence " + reference + ") et joignez le fichier.");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (s.lines() == 0) {
			return Optional.empty();
		}
		String name = "journal-requisition-" + scope.requisitionId() + ".zip";
		return Optional.of(new Export(name, "application/zip", buffer.toByteArray(),
				"Journal des connexions : " + s.lines() + " ligne(s) brute(s), lignes " + s.firstIndex() + " à " + s.lastIndex()
						+ ", tête signée de taille " + s.treeSize() + ", SHA-256 de lines.log " + s.linesSha256()
						+ " ; vérification : java -jar entente.jar journal verify " + name));
	}

	private static final class TooLarge extends IOException {
		TooLarge() {
			super("over " + MAX_BYTES + " bytes");
		}
	}

	/** Stops the export past {@link #MAX_BYTES}. */
	private static final class Bounded extends OutputStream {
		private final ByteArrayOutputStream out;

		Bounded(ByteArrayOutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (out.size() + len > MAX_BYTES) {
				throw new TooLarge();
			}
			out.write(b, off, len);
		}
	}
}
