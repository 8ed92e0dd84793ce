package org.entente.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Random;
import java.util.stream.Stream;

import org.entente.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** destroyBy = departure + 4 calendar months: the same day, or the last day of a shorter month. */
class DestroyByPropertyTests {

	static final Period FOUR_MONTHS = Period.ofMonths(4);

	@ParameterizedTest(name = "{0}")
	@MethodSource("departures")
	void fourCalendarMonthsAfterDeparture(String name, LocalDate departedOn) {
		LocalDate destroyBy = RetentionPolicy.destroyBy(departedOn, FOUR_MONTHS);
		YearMonth month = YearMonth.from(departedOn).plusMonths(4);
		assertThat(YearMonth.from(destroyBy)).isEqualTo(month);
		assertThat(destroyBy.getDayOfMonth()).isEqualTo(Math.min(departedOn.getDayOfMonth(), month.lengthOfMonth()));
		assertThat(destroyBy).isAfter(departedOn);
		// Never later than the same day four months on: at most four months (annexe §8, « au plus tard »).
		assertThat(destroyBy.minusMonths(4)).isBeforeOrEqualTo(departedOn);
	}

	static Stream<Arguments> departures() {
		return Seeded.cases(200, (Random r) -> new Object[] {
				LocalDate.ofEpochDay(Seeded.between(r, LocalDate.of(2020, 1, 1).toEpochDay(), LocalDate.of(2040, 12, 31).toEpochDay())) });
	}

	@Test
	void theAnnexExamples() {
		assertThat(RetentionPolicy.destroyBy(LocalDate.of(2025, 10, 31), FOUR_MONTHS)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(RetentionPolicy.destroyBy(LocalDate.of(2027, 10, 31), FOUR_MONTHS)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(RetentionPolicy.destroyBy(LocalDate.of(2026, 7, 4), FOUR_MONTHS)).isEqualTo(LocalDate.of(2026, 11, 4));
		assertThat(RetentionPolicy.destroyBy(null, FOUR_MONTHS)).isNull();
	}
}
