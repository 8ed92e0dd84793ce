package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Issue 17: a job that runs once across instances keeps its ShedLock for a while after it ends
 * ({@code lockAtLeastFor}), shorter than its period, so that an instance whose clock is a few seconds late does not run
 * it a second time (the lock-through-the-proxy proof is {@code IdempotencyKeyTests}); and a job sits on a component,
 * or Spring never runs it (the idempotency-key purge sat on a filter built by hand). Read from the class files, no
 * context; periods and holds with their defaults (the value after the colon of a placeholder).
 */
class ScheduledJobLocksTests {

	/** Jobs that fire every few seconds: a second run finds nothing left to do, and a hold would only delay them. */
	private static final Set<String> NO_HOLD = Set.of("webhook-dispatch", "notification-retry");

	/** Jobs every instance runs for itself, without a lock, and why. */
	private static final Map<String, String> PER_INSTANCE = Map.of(
			"org.entente.convention.Conventions.refreshIfChanged", "each instance reloads its own copy of the versions",
			"org.entente.journal.internal.JournalService.purgeExpired", "each instance purges its own journal directory",
			"org.entente.journal.internal.JournalExportJobs.cleanUp", "each instance removes its own export archives");

	private static final Duration DEFAULT_AT_MOST = Duration.ofMinutes(10);

	@Test
	void everyLockedJobHoldsItsLockForLessThanItsPeriod() throws Exception {
		var resolver = new PathMatchingResourcePatternResolver();
		var readers = new CachingMetadataReaderFactory(resolver);
		List<String> wrong = new ArrayList<>();
		int held = 0;
		for (Resource r : resolver.getResources("classpath*:org/entente/**/*.class")) {
			AnnotationMetadata type = readers.getMetadataReader(r).getAnnotationMetadata();
			for (MethodMetadata m : type.getAnnotatedMethods(Scheduled.class.getName())) {
				String job = type.getClassName() + "." + m.getMethodName();
				if (!type.getAnnotations().isPresent(Component.class)) {
					wrong.add(job + ": not on a component, so Spring never schedules it");
				}
				MergedAnnotation<SchedulerLock> lock = m.getAnnotations().get(SchedulerLock.class);
				if (!lock.isPresent()) {
					if (!PER_INSTANCE.containsKey(job)) {
						wrong.add(job + ": no @SchedulerLock (or say here why each instance runs it)");
					}
					continue;
				}
				String name = lock.getString("name");
				String atLeast = lock.getString("lockAtLeastFor");
				if (NO_HOLD.contains(name)) {
					continue;
				}
				if (atLeast.isEmpty()) {
					wrong.add(job + " (" + name + "): no lockAtLeastFor");
					continue;
				}
				Duration hold = Duration.parse(orDefault(atLeast));
				Duration period = period(m.getAnnotations().get(Scheduled.class));
				String atMost = lock.getString("lockAtMostFor");
				Duration most = atMost.isEmpty() ? DEFAULT_AT_MOST : Duration.parse(orDefault(atMost));
				if (hold.compareTo(period) >= 0 || hold.compareTo(most) >= 0 || hold.isZero()) {
					wrong.add(job + " (" + name + "): lockAtLeastFor " + hold + ", period " + period + ", lockAtMostFor " + most);
				}
				held++;
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(held).as("jobs holding their lock").isGreaterThanOrEqualTo(11);
	}

	/** The shortest time between two runs: a cron's smallest gap over its next fifty firings, or the fixed delay. */
	private static Duration period(MergedAnnotation<Scheduled> s) {
		String cron = s.getString("cron");
		if (!cron.isEmpty()) {
			CronExpression e = CronExpression.parse(orDefault(cron));
			LocalDateTime at = e.next(LocalDateTime.of(2026, 1, 1, 0, 0));
			Duration shortest = null;
			for (int i = 0; i < 50; i++) {
				LocalDateTime next = e.next(at);
				Duration gap = Duration.between(at, next);
				shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
				at = next;
			}
			return shortest;
		}
		String delay = s.getString("fixedDelayString");
		return delay.isEmpty() ? Duration.ofMillis(s.getLong("fixedDelay")) : Duration.parse(orDefault(delay));
	}

	/** {@code ${key:default}} gives its default; a plain value stays. */
	private static String orDefault(String value) {
		if (value.startsWith("${") && value.endsWith("}")) {
			return value.substring(value.indexOf(':') + 1, value.length() - 1);
		}
		return value;
	}
}
