package org.entente.reporting;

import java.time.Instant;

/**
 * A month's statistics were produced ({@code month} as YYYY-MM) with the convention version {@code conventionVersion},
 * stored as production {@code statisticsId}, by {@code producedBy} (« système » for the monthly job).
 */
public record MonthlyStatisticsProduced(String month, String conventionVersion, long statisticsId, String producedBy,
		Instant producedAt) {
}
