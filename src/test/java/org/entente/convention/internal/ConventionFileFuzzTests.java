package org.entente.convention.internal;

import static org.assertj.core.api.Assertions.assertThat;


import com.code_intelligence.jazzer.junit.FuzzTest;
import org.entente.convention.ConventionFileException;

/**
 * Jazzer fuzz target for the convention loader (an uploaded amendment is hostile input): a file gives a convention or
 * a {@link ConventionFileException} whose faults each name a line, never another exception (a stack overflow of a
 * self-referencing alias was one) and never a hang. Seed inputs under
 * {@code src/test/resources/org/entente/convention/internal/ConventionFileFuzzTestsInputs/conventionFile/}.
 */
class ConventionFileFuzzTests {

	@FuzzTest
	void conventionFile(byte[] file) {
		try {
			assertThat(ConventionParser.parse("avenant.yaml", file).id()).isNotBlank();
		}
		catch (ConventionFileException e) {
			assertThat(e.faults()).isNotEmpty().allSatisfy(f -> assertThat(f.line()).isPositive());
		}
	}
}
