/**
 * Working time: calendars (zone, business hours, public holidays, closures, party calendars) and their arithmetic,
 * deadlines and working time elapsed with pauses. Depends on {@code convention} because the calendar and the
 * service-level clocks it applies are the convention's data; on {@code common} for the shared problem type.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working time", allowedDependencies = { "convention", "common" })
package org.entente.worktime;
