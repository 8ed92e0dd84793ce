package org.entente;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded generated cases for property tests with JUnit's {@code @ParameterizedTest}: each case draws its values from
 * a {@link Random} seeded from the run's seed and the case number, and the case's name (its first argument) says
 * both, so a failure names what reproduces it: {@code mvn test -Dentente.seed=<seed> -Dtest=…}. The seed is random
 * for each run unless {@code entente.seed} is given.
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @MethodSource("cases")
 * void law(String name, Instant start, Duration d) { … }
 * static Stream<Arguments> cases() { return Seeded.cases(1000, r -> new Object[] { start(r), duration(r) }); }
 * }</pre>
 */
public final class Seeded {

	/** This run's seed, printed once so that a failing case ([n] in the report) can be replayed. */
	public static final long SEED = Long.getLong("entente.seed", new SecureRandom().nextLong());

	static {
		System.out.println("Cas générés avec entente.seed=" + SEED + " (rejouer : -Dentente.seed=" + SEED + ")");
	}

	private Seeded() {
	}

	public static Stream<Arguments> cases(int count, Function<Random, Object[]> values) {
		return IntStream.range(0, count).mapToObj(i -> {
			Object[] drawn = values.apply(new Random(SEED * 31 + i));
			Object[] all = new Object[drawn.length + 1];
			all[0] = "entente.seed=" + SEED + " cas " + i;
			System.arraycopy(drawn, 0, all, 1, drawn.length);
			return Arguments.of(all);
		});
	}

	/** One of the values, each as likely. */
	@SafeVarargs
	public static <T> T oneOf(Random r, T... values) {
		return values[r.nextInt(values.length)];
	}

	/** A long in [min, max]. */
	public static long between(Random r, long min, long max) {
		return min + (long) Math.floor(r.nextDouble() * (max - min + 1));
	}
}
