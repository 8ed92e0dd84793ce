package org.entente.convention.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.entente.convention.Component;
import org.entente.convention.Convention;
import org.entente.convention.ConventionFixtures;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.Responsibility;
import org.entente.convention.ResponsibilityContext;
import org.entente.convention.internal.ResponsibilityResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Responsibility look-ups on the seed convention: component by code, then the cell in a context (conditions,
 * references, explanation sentence), cycling through every cell of the matrix with varied contexts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResponsibilityBenchmark {

	private record Question(String code, InterventionKind kind, ResponsibilityContext context) {
	}

	private Convention convention;
	private Question[] questions;
	private int next;

	@Setup
	public void setUp() {
		convention = ConventionFixtures.seed();
		List<Question> list = new ArrayList<>();
		ResponsibilityContext[] contexts = { ResponsibilityContext.NONE,
				new ResponsibilityContext(Funding.OWN_FUNDS_CATALOGUE, Network.PEDAGOGICAL, null),
				new ResponsibilityContext(Funding.CD, Network.ADMINISTRATIVE, true) };
		int i = 0;
		for (Component c : convention.components().values()) {
			for (InterventionKind kind : c.area().kinds()) {
				list.add(new Question(c.code(), kind, contexts[i++ % contexts.length]));
			}
		}
		questions = list.toArray(Question[]::new);
	}

	@Benchmark
	public Responsibility resolve() {
		Question q = questions[next++ % questions.length];
		Component component = convention.component(q.code()).orElseThrow();
		return ResponsibilityResolver.resolve(convention, component, q.kind(), q.context());
	}
}
