package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UaiTests {

	@ParameterizedTest
	@ValueSource(strings = { "0350024L", "0359901X", "0350000K" })
	void acceptsNumbersWithTheirCheckLetter(String value) {
		assertThat(Uai.of(value).value()).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource({ "350024, L", "23, A", "22, Z", "8, J", "13, P", "14, R", "16, T" })
	void checkLetterSkipsIOAndQ(int number, char letter) {
		assertThat(Uai.checkLetter(number)).isEqualTo(letter);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0350024M|la lettre de contrôle de 0350024 est « L »", "035002L|7 chiffres",
			"A350024L|7 chiffres", "|UAI manquant" })
	void rejectsWithAReason(String value, String reason) {
		assertThatThrownBy(() -> Uai.of(value)).isInstanceOf(Uai.InvalidUaiException.class).hasMessageContaining(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0350024l", " 0350024L " })
	void normalisesCaseAndSpaces(String value) {
		assertThat(Uai.of(value).value()).isEqualTo("0350024L");
	}
}
