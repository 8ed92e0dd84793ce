package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.entente.convention.ConventionFileException.Fault;
import org.entente.convention.internal.ConventionParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile YAML in a convention upload is a fault naming the file and the line, never a stack overflow or a heap
 * filled by aliases: an alias inside the collection it names, more aliases than allowed, an expansion too large,
 * nesting too deep.
 */
class ConventionYamlBoundsTests {

	static String repeat(String item, int times) {
		return "[" + String.join(", ", Collections.nCopies(times, item)) + "]";
	}

	static String document(String kind) {
		return switch (kind) {
			case "mapping" -> "id: x\nrecursive: &x {b: *x}\n";
			case "sequence" -> "id: x\nrecursive: &x [1, *x]\n";
			case "nested" -> "id: x\nrecursive: &x\n  b:\n    c: [*x]\n";
			case "laughs" -> "id: x\na: &a " + repeat("lol", 9) + "\nb: &b " + repeat("*a", 9) + "\nc: &c " + repeat("*b", 9)
					+ "\nd: " + repeat("*c", 9) + "\n";
			case "expansion" -> "id: x\na: &a " + repeat("v", 2000) + "\nb: &b " + repeat("*a", 10) + "\nc: " + repeat("*b", 9) + "\n";
			case "depth" -> "id: x\ndeep: " + "[".repeat(200) + "]".repeat(200) + "\n";
			default -> throw new IllegalArgumentException(kind);
		};
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "mapping, 2, alias récursif", "sequence, 2, alias récursif", "nested, 4, alias récursif",
			"laughs, 1, alias", "expansion, 4, valeurs une fois les alias développés", "depth, 2, imbrication" })
	void hostileYamlIsAFaultNamingFileAndLine(String kind, int line, String message) {
		ConventionFileException e = catchThrowableOfType(ConventionFileException.class,
				() -> ConventionParser.parse("hostile.yaml", document(kind).getBytes(StandardCharsets.UTF_8)));
		assertThat(e).as(kind).isNotNull();
		Fault fault = e.faults().get(0);
		assertThat(fault.file()).isEqualTo("hostile.yaml");
		assertThat(fault.message()).contains(message);
		assertThat(fault.line()).isEqualTo(line);
	}

	/** Found by Jazzer (ConventionFileFuzzTests): a lone « - » in a list was a null party, then a NullPointerException (a 500). */
	@org.junit.jupiter.api.Test
	void anEmptyListItemIsAFaultNotANullPointer() {
		String file = "id: x\nparties:\n  -\n  - { code: ACA, name: Académie }\ndomains: [~]\n";
		ConventionFileException e = catchThrowableOfType(ConventionFileException.class,
				() -> ConventionParser.parse("avenant.yaml", file.getBytes(StandardCharsets.UTF_8)));
		assertThat(e).isNotNull();
		assertThat(e.faults()).extracting(Fault::path).containsExactly("parties[0]", "domains[0]");
		assertThat(e.faults()).allSatisfy(f -> assertThat(f.message()).startsWith("élément vide dans la liste"));
		assertThat(e.faults().get(1).line()).isEqualTo(5);
	}

	/** Found by Jazzer (ConventionFileFuzzTests): « partyCalendars: {OFF} » gave a null calendar, then a NullPointerException. */
	@org.junit.jupiter.api.Test
	void anEmptyPartyCalendarIsAFault() {
		String file = ConventionFixtures.seedText().replaceFirst("partyCalendars: \\{\\}", "partyCalendars: {OFF}");
		ConventionFileException e = catchThrowableOfType(ConventionFileException.class,
				() -> ConventionParser.parse("avenant.yaml", file.getBytes(StandardCharsets.UTF_8)));
		assertThat(e).isNotNull();
		assertThat(e.faults()).extracting(Fault::path).contains("calendar.partyCalendars.OFF");
		assertThat(e.faults()).extracting(Fault::message).contains("calendrier de la partie « OFF » vide");
	}
}
