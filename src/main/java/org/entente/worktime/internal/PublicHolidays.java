package org.entente.worktime.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays of a Jollyday calendar, computed once per calendar and year and shared by every working calendar
 * (a rebuilt calendar after an amendment asks Jollyday nothing it already answered).
 */
public final class PublicHolidays {

	private static final Map<String, Map<Integer, Set<LocalDate>>> CACHE = new ConcurrentHashMap<>();

	private PublicHolidays() {
	}

	/** The days off of that year; only public holidays count, not observances. */
	public static Set<LocalDate> of(String calendar, int year) {
		return CACHE.computeIfAbsent(calendar, c -> new ConcurrentHashMap<>())
			.computeIfAbsent(year, y -> load(calendar, y));
	}

	private static Set<LocalDate> load(String calendar, int year) {
		HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.valueOf(calendar)));
		return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
			.stream()
			.map(h -> h.getActualDate())
			.collect(Collectors.toUnmodifiableSet());
	}
}
