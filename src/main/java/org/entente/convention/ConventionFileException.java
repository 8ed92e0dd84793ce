package org.entente.convention;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A convention file that cannot be used, with every fault found: file, line and what is wrong. On the API, a 422
 * problem whose {@code errors} are the faults: the shared {@code field} (the path in the document, or
 * {@code file:line}) and {@code message}, plus {@code file}, {@code line} and {@code path}.
 */
public class ConventionFileException extends ProblemException {

	/**
	 * One fault: where (file, line, path in the document) and what; {@code wording}, when set, is the code of its
	 * message in the convention's bundle, for a page in another language (not part of the JSON).
	 */
	public record Fault(String file, int line, String path, String message,
			@com.fasterxml.jackson.annotation.JsonIgnore org.entente.common.Wording wording) {

		public Fault(String file, int line, String path, String message) {
			this(file, line, path, message, null);
		}

		/** A fault whose message is this sentence of the bundle, in French. */
		public Fault(String file, int line, String path, org.entente.common.Wording wording) {
			this(file, line, path, org.entente.convention.internal.FaultWords.french(wording), wording);
		}

		/** The field of the shared error shape: the path in the document, or the file and line when there is none. */
		@JsonProperty("field")
		public String field() {
			return path.isEmpty() ? file + ":" + line : path;
		}

		@Override
		public String toString() {
			return file + ", ligne " + line + (path.isEmpty() ? "" : " (" + path + ")") + " : " + message;
		}

		/** The same line in this language (the message stays French when it has no wording). */
		public String in(java.util.Locale locale) {
			String what = wording == null ? message : org.entente.convention.internal.FaultWords.in(wording, locale);
			return org.entente.convention.internal.FaultWords.in(path.isEmpty()
					? org.entente.common.Wording.of("convention.fault.at", file, String.valueOf(line), what)
					: org.entente.common.Wording.of("convention.fault.atPath", file, String.valueOf(line), path, what), locale);
		}
	}

	private final transient List<Fault> faults;

	public ConventionFileException(List<Fault> faults) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-convention-file", "Fichier de convention invalide",
				"Fichier de convention invalide :\n - " + String.join("\n - ", faults.stream().map(Fault::toString).toList()),
				null, faults.stream().map(f -> new FieldProblem(f.field(), f.message())).toList(),
				// The richer entries (with file and line) are the JSON «errors»; they carry field and message too.
				Map.of("errors", List.copyOf(faults)));
		this.faults = List.copyOf(faults);
	}

	public List<Fault> faults() {
		return faults;
	}
}
