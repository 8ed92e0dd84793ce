package org.entente.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking changes to /api/v1 between the published document and a new one, by openapi-diff: an operation
 * removed, or changed so that a client written for the published one may fail (a new required parameter, a
 * response member removed, a type narrowed…). Each is named « METHOD /path », the form a declared break takes.
 */
final class ApiCompatibility {

	record Breaks(Set<String> operations, String report) {
	}

	private ApiCompatibility() {
	}

	static Breaks between(String published, String current) {
		ChangedOpenApi diff = OpenApiCompare.fromContents(published, current);
		Set<String> broken = new TreeSet<>();
		diff.getMissingEndpoints().forEach(e -> broken.add(e.getMethod() + " " + e.getPathUrl()));
		diff.getChangedOperations().stream()
			.filter(o -> o.isChanged().isIncompatible())
			.forEach(o -> broken.add(o.getHttpMethod() + " " + o.getPathUrl()));
		broken.removeIf(b -> !b.contains(" /api/v1/"));
		String report = "";
		if (!broken.isEmpty()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
				new MarkdownRender().render(diff, writer);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			report = out.toString(StandardCharsets.UTF_8);
		}
		return new Breaks(broken, report);
	}

	/** The declared breaks: one « METHOD /path » a line, then the reason after a #. Blank and # lines are skipped. */
	static Set<String> declared(List<String> lines) {
		Set<String> declared = new TreeSet<>();
		for (String line : lines) {
			String entry = line.replaceAll("#.*", "").trim().replaceAll("\\s+", " ");
			if (!entry.isEmpty()) {
				declared.add(entry);
			}
		}
		return declared;
	}

	static List<String> undeclared(Breaks breaks, Set<String> declared) {
		List<String> left = new ArrayList<>(breaks.operations());
		left.removeAll(declared);
		return left;
	}
}
