package org.entente.convention;

import java.util.List;

/** A convention file that cannot be used, with every fault found: file, line and what is wrong. */
public class ConventionFileException extends RuntimeException {

	/** One fault: where (file, line, path in the document) and what. */
	public record Fault(String file, int line, String path, String message) {

		@Override
		public String toString() {
			return file + ", ligne " + line + (path.isEmpty() ? "" : " (" + path + ")") + " : " + message;
		}
	}

	private final transient List<Fault> faults;

	public ConventionFileException(List<Fault> faults) {
		super("Fichier de convention invalide :\n - " + String.join("\n - ", faults.stream().map(Fault::toString).toList()));
		this.faults = List.copyOf(faults);
	}

	public List<Fault> faults() {
		return faults;
	}
}
