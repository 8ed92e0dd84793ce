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
		assertThatThrownBy(() -> new Conventions(repository, new ConventionProperties(resource),
				mock(org.springframework.context.ApplicationEventPublisher.class),
				org.springframework.transaction.support.TransactionOperations.withoutTransaction()))
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

	/** The copy stored at an earlier start-up, under the same version, with this content. */
	private static ConventionVersionRepository.StoredVersion stored(String content, String loadedBy) {
		Convention parsed = ConventionFixtures.parse("convention-2025-2026.yaml", content);
		return new ConventionVersionRepository.StoredVersion(1, parsed.id(), parsed.version(), parsed.title(), null,
				"convention-2025-2026.yaml", parsed.sha256(), content, java.time.Instant.now(), loadedBy);
	}

	@Test
	void aNewReleaseOfTheBundledFileThatOnlyAddsReplacesTheCopyStoredAtStartUp() {
		String seed = ConventionFixtures.seedText();
		Convention bundled = ConventionFixtures.seed();
		// The file of an earlier release: without the reporting section, and with an older wording of a point.
		String earlier = seed.replaceFirst("(?ms)^reporting:.*?(?=^\\S)", "")
			.replaceFirst("implementedBy: \\[org.entente.convention.internal.ResponsibilityResolver", "implementedBy: [org.entente.convention.ResponsibilityResolverTests, org.entente.convention.internal.ResponsibilityResolver");
		assertThat(earlier).isNotEqualTo(seed).doesNotContain("\nreporting:");
		assertThat(Conventions.refreshesInPlace(stored(earlier, Conventions.STARTUP), bundled)).isTrue();
		// An uploaded amendment is never replaced, even by an addition.
		assertThat(Conventions.refreshesInPlace(stored(earlier, "admin"), bundled)).isFalse();
		// The file before the VDI référentiel became a policy row (a new row and its point to clarify): an addition.
		String withoutVdi = seed.replaceFirst("(?ms)^      # Le texte pose le référentiel VDI.*?(?=^  # -+ 2\\.)", "")
			.replaceFirst("(?ms)^  - id: PAC-44\n.*?(?=^  # --- Incidents)", "");
		assertThat(withoutVdi).doesNotContain("REFERENTIEL_VDI");
		assertThat(Conventions.refreshesInPlace(stored(withoutVdi, Conventions.STARTUP), bundled)).isTrue();
		// A changed working calendar changes what applies: a new version is needed.
		String otherHours = seed.replaceFirst("\"08:00-12:00\"", "\"08:30-12:00\"");
		assertThat(otherHours).isNotEqualTo(seed);
		assertThat(Conventions.refreshesInPlace(stored(otherHours, Conventions.STARTUP), bundled)).isFalse();
	}
	/** The first start-up stores the bundled file and publishes its ConventionVersionLoaded in one transaction. */
	@Test
	void theFirstStartUpPublishesTheVersionLoadedInTheTransactionThatStoresIt() throws Exception {
		ConventionVersionRepository repository = mock(ConventionVersionRepository.class);
		String seed = ConventionFixtures.seedText();
		Convention bundled = ConventionFixtures.seed();
		org.mockito.Mockito.when(repository.find(bundled.id(), bundled.version())).thenReturn(java.util.Optional.empty());
		org.mockito.Mockito.when(repository.findAll()).thenReturn(java.util.List.of(), java.util.List.of(stored(seed, Conventions.STARTUP)));
		java.util.List<String> steps = new java.util.ArrayList<>();
		org.springframework.context.ApplicationEventPublisher events = e -> steps.add("publish " + e);
		org.springframework.transaction.support.TransactionOperations transactions = new org.springframework.transaction.support.TransactionOperations() {
			@Override
			public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
				steps.add("begin");
				T result = action.doInTransaction(null);
				steps.add("commit");
				return result;
			}
		};
		var resource = new ByteArrayResource(seed.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "convention-2025-2026.yaml";
			}
		};
		Conventions conventions = new Conventions(repository, new ConventionProperties(resource), events, transactions);
		assertThat(conventions.current().version()).isEqualTo(bundled.version());
		assertThat(steps).as("nothing is stored nor published before every listener is registered").isEmpty();
		conventions.afterSingletonsInstantiated();
		org.mockito.Mockito.verify(repository).insert(org.mockito.ArgumentMatchers.eq(bundled.id()),
				org.mockito.ArgumentMatchers.eq(bundled.version()), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.eq(Conventions.STARTUP), org.mockito.ArgumentMatchers.any());
		assertThat(steps).hasSize(3);
		assertThat(steps.get(0)).isEqualTo("begin");
		assertThat(steps.get(1)).startsWith("publish ConventionVersionLoaded[conventionId=" + bundled.id() + ", version=" + bundled.version());
		assertThat(steps.get(2)).isEqualTo("commit");
		// A second call (or a later start-up, the version stored) publishes nothing more.
		conventions.afterSingletonsInstantiated();
		assertThat(steps).hasSize(3);
	}
}
