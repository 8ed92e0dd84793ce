package org.entente.worktime.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.entente.worktime.WorkingCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deadline computations with the default calendar: random starts across 2025–2027, random durations up to five
 * working days, no pause (the common case when a ticket is opened). Run: see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeadlineBenchmark {

	private static final int CASES = 1 << 14;

	private WorkingCalendar calendar;
	private Instant[] starts;
	private Duration[] durations;
	private int next;

	@Setup
	public void setUp() {
		calendar = WorkingCalendar.of(WorkingCalendar.defaultRules());
		ZoneId zone = calendar.zone();
		long from = LocalDate.of(2025, 1, 1).atStartOfDay(zone).toEpochSecond();
		long to = LocalDate.of(2028, 1, 1).atStartOfDay(zone).toEpochSecond();
		long fiveDays = calendar.workingDayLength().multipliedBy(5).toSeconds();
		SplittableRandom random = new SplittableRandom(2026);
		starts = new Instant[CASES];
		durations = new Duration[CASES];
		for (int i = 0; i < CASES; i++) {
			starts[i] = Instant.ofEpochSecond(random.nextLong(from, to));
			durations[i] = Duration.ofSeconds(random.nextLong(1, fiveDays + 1));
		}
	}

	@Benchmark
	public Instant deadline() {
		int i = next++ & (CASES - 1);
		return calendar.deadline(starts[i], durations[i], List.of());
	}
}
