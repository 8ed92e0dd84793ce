package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.convention.internal.ComponentSearch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentSearchTests {

	private static final ComponentSearch SEARCH = new ComponentSearch(ConventionFixtures.seed());

	@ParameterizedTest(name = "« {0} » trouve {1} en premier")
	@CsvSource({ "borne wifi, BORNES_WIFI", "Bornes Wi-Fi, BORNES_WIFI", "BORNES WIFI, BORNES_WIFI",
			"bornes wfi, BORNES_WIFI", "videoprojecteur, VIDEOPROJECTEURS", "vidéo projecteurs, VIDEOPROJECTEURS",
			"vidéoprojecteru, VIDEOPROJECTEURS", "onduleur, ONDULEURS", "tablete, TABLETTES", "horus, SERVEUR_HORUS",
			"journalisation, JOURNALISATION" })
	void toleratesAccentsCaseAndTypos(String query, String expected) {
		assertThat(SEARCH.search(query)).isNotEmpty().first().extracting(Component::code).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "zzzzqqq", "kangourou" })
	void unrelatedWordsFindNothing(String query) {
		assertThat(SEARCH.search(query)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "BORNE_WIF, BORNES_WIFI", "VIDEOPROJECTEUR, VIDEOPROJECTEURS" })
	void nearestCodesForAnUnknownCode(String code, String expected) {
		assertThat(SEARCH.nearest(code, 3)).extracting(Component::code).contains(expected);
	}
}
