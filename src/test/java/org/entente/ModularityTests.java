package org.entente;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: every module talks to others only through their public API. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(EntenteApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void securityIsAModuleOfItsOwn() {
		org.assertj.core.api.Assertions.assertThat(modules.getModuleByName("security")).isPresent();
	}

	@Test
	void privacyIsAModuleOfItsOwnThatNoBusinessModuleIsNeededBy() {
		var privacy = modules.getModuleByName("privacy").orElseThrow();
		org.assertj.core.api.Assertions.assertThat(privacy.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()))
			.doesNotContain("directory", "helpdesk", "security", "notification");
	}

	@Test
	void reportingIsAModuleOfItsOwn() {
		org.assertj.core.api.Assertions.assertThat(modules.getModuleByName("reporting")).isPresent();
	}

	/** The module diagrams and canvases of docs/ (writeDocumentation already writes each module's own diagram). */
	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
		java.nio.file.Path folder = java.nio.file.Path.of("target", "spring-modulith-docs");
		org.assertj.core.api.Assertions.assertThat(folder.resolve("components.puml")).exists();
		modules.forEach(module -> org.assertj.core.api.Assertions.assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc")).exists());
	}
}
