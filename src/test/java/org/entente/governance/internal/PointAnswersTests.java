package org.entente.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.entente.convention.Convention;
import org.entente.convention.ConventionVersion;
import org.entente.convention.Lifecycle;
import org.entente.governance.GovernanceFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which loaded version carries the amendment an answer names: by version, or « avenant N » by amendment number. */
class PointAnswersTests {

	private static final Convention INITIAL = GovernanceFixtures.convention();
	private static final Convention AMENDED = new Convention(INITIAL.id(), "2025-2026.2", INITIAL.title(),
			new Lifecycle(INITIAL.lifecycle().validFrom(), INITIAL.lifecycle().validTo(), "Article 7",
					INITIAL.lifecycle().renewal(), INITIAL.lifecycle().termination(),
					new Lifecycle.Amendment(1, LocalDate.of(2026, 3, 1), "Avenant 1")),
			List.of(), List.of(), Map.of(), List.of(), null, null, null, null, INITIAL.finance(), INITIAL.committees(),
			"convention.yaml", "1");
	private static final Map<String, Convention> BY_VERSION = Map.of("1", INITIAL, "2025-2026.2", AMENDED);

	private static ConventionVersion loaded(String version) {
		return new ConventionVersion(INITIAL.id(), version, "t", null, "f", "0", Instant.EPOCH, "démarrage", false);
	}

	@ParameterizedTest(name = "« {0} » → {1}")
	@CsvSource(nullValues = "none", value = { "1, 1", "2025-2026.2, 2025-2026.2", " 2025-2026.2 , 2025-2026.2",
			"avenant 1, 2025-2026.2", "Avenant n° 1, 2025-2026.2", "AVENANT no 1, 2025-2026.2", "avenant 2, none",
			"3, none", "avenant, none", "2025-2026.3, none" })
	void theAmendmentIsCarriedOnlyByALoadedVersionItNames(String ref, String expected) {
		List<ConventionVersion> versions = List.of(loaded("2025-2026.2"), loaded("1"));
		assertThat(PointAnswers.carriedBy(ref, versions, v -> Optional.ofNullable(BY_VERSION.get(v)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "« {0} » before the amendment is loaded → none")
	@CsvSource({ "avenant 1", "2025-2026.2" })
	void nothingCarriesItBeforeTheVersionIsLoaded(String ref) {
		assertThat(PointAnswers.carriedBy(ref, List.of(loaded("1")), v -> Optional.ofNullable(BY_VERSION.get(v)))).isNull();
	}
}
