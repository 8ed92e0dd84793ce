package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;

import org.entente.convention.internal.ConventionVersionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.ByteArrayResource;

class StartupValidationTests {

	@Test
	void aFaultyFileStopsStartUpBeforeAnythingIsStored() {
		ConventionVersionRepository repository = mock(ConventionVersionRepository.class);
		String broken = ConventionFixtures.seedText().replaceFirst("code: TABLETTES", "code: BORNES_WIFI");
		var resource = new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "convention-cassee.yaml";
			}
		};
		assertThatThrownBy(() -> new Conventions(repository, new ConventionProperties(resource)))
			.isInstanceOf(ConventionFileException.class)
			.hasMessageContaining("convention-cassee.yaml, ligne")
			.hasMessageContaining("composant « BORNES_WIFI » en double");
		verifyNoInteractions(repository);
	}

	@Test
	void theApplicationDoesNotStartWithAFaultyFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		java.nio.file.Path file = dir.resolve("avenant.yaml");
		java.nio.file.Files.writeString(file, ConventionFixtures.seedText().replaceFirst("see: RESEAU_ADMINISTRATIF", "see: AUCUN"));
		SpringApplication app = new SpringApplication(org.entente.EntenteApplication.class);
		assertThatThrownBy(() -> app.run("--spring.profiles.active=test", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"--entente.convention.location=file:" + file))
			.hasRootCauseInstanceOf(ConventionFileException.class)
			.rootCause()
			.hasMessageContaining("avenant.yaml, ligne")
			.hasMessageContaining("AUCUN");
		assertThat(file).exists();
	}
}
