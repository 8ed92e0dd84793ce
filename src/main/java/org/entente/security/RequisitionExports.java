package org.entente.security;

import java.util.Optional;

/**
 * Extension point of the requisition record: a module that holds evidence (the connection-log journal, to come)
 * implements it as a Spring bean; the requisition page then offers its export, and the file it produces is
 * attached to the record as the CD's answer. The security module depends on no implementation.
 */
public interface RequisitionExports {

	/** A short French name shown on the requisition page, e.g. « Journal des accès à internet ». */
	String name();

	/** The export for this scope, or empty when this source holds nothing for it. */
	Optional<Export> export(RequisitionScope scope);

	/** A file to attach as the answer, with what proves it (e.g. a hash chain head), in one sentence. */
	record Export(String filename, String contentType, byte[] content, String proof) {
	}
}
