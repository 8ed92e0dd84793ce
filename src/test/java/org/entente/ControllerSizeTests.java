package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;

/**
 * A controller translates HTTP for one job: beyond seven collaborators it is doing several (docs/developing.md,
 * « Contrôleurs et droits »). Counted on the constructor Spring injects; plain reflection, no context.
 */
class ControllerSizeTests {

	private static final int MOST = 7;

	/** Known exceptions, each with its count, so that a new collaborator there fails too. */
	private static final Map<String, Integer> EXCEPTIONS = Map.of();

	@Test
	void noControllerHasMoreThanSevenCollaborators() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> tooBig = new ArrayList<>();
		int seen = 0;
		for (var candidate : scanner.findCandidateComponents("org.entente")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			int collaborators = Arrays.stream(type.getDeclaredConstructors()).mapToInt(Constructor::getParameterCount).max().orElse(0);
			seen++;
			if (collaborators > EXCEPTIONS.getOrDefault(type.getName(), MOST)) {
				tooBig.add(type.getSimpleName() + " (" + collaborators + ")");
			}
		}
		assertThat(seen).as("controllers found").isGreaterThan(20);
		assertThat(tooBig).as("controllers over " + MOST + " collaborators").isEmpty();
	}
}
