package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 7: a point to clarify whose retained reading says what Entente does names the code and the test
 * that do it, and every name it gives exists. So a reading cannot claim what nothing implements.
 */
class PointsToClarifyClaimsTests {

	@Test
	void everyClaimOfTheShippedConventionNamesExistingCodeAndATest() {
		Convention convention = ConventionFixtures.seed();
		List<PointToClarify> claims = convention.pointsToClarify().stream().filter(PointToClarify::claimsBehaviour).toList();
		assertThat(claims).hasSizeGreaterThan(40);
		assertThat(claims.stream().flatMap(p -> faults(p).stream()).toList()).isEmpty();
	}

	@Test
	void theCheckCatchesAClaimWithoutCodeADanglingNameAndAMissingTest() {
		PointToClarify bare = new PointToClarify("X-1", "t", null, "c", List.of("a", "b"), "Entente détruit tout au bout de quatre mois.");
		PointToClarify dangling = new PointToClarify("X-2", "t", null, "c", List.of("a", "b"), "Entente applique le tableau.",
				List.of("org.entente.privacy.internal.NoSuchPurge", "org.entente.convention.ResponsibilityResolverTests"));
		PointToClarify member = new PointToClarify("X-3", "t", null, "c", List.of("a", "b"), "Entente applique le tableau.",
				List.of("org.entente.convention.ServiceLevels#noSuchMethod", "org.entente.convention.ResponsibilityResolverTests"));
		PointToClarify untested = new PointToClarify("X-4", "t", null, "c", List.of("a", "b"), "Entente applique le tableau.",
				List.of("org.entente.convention.internal.ResponsibilityResolver"));
		PointToClarify silent = new PointToClarify("X-5", "t", null, "c", List.of("a", "b"), "Lecture retenue par le comité.");
		assertThat(faults(bare)).singleElement().asString().contains("ne nomme ni code ni test");
		assertThat(faults(dangling)).singleElement().asString().contains("NoSuchPurge", "introuvable");
		assertThat(faults(member)).singleElement().asString().contains("noSuchMethod");
		assertThat(faults(untested)).singleElement().asString().contains("aucun test");
		assertThat(faults(silent)).isEmpty();
	}

	/** What is wrong with a point's names: none given, one that does not resolve, no test among them. */
	static List<String> faults(PointToClarify p) {
		List<String> faults = new ArrayList<>();
		if (!p.claimsBehaviour()) {
			return faults;
		}
		if (p.implementedBy().isEmpty()) {
			faults.add(p.id() + " : la lecture retenue dit ce que fait Entente mais ne nomme ni code ni test (implementedBy)");
			return faults;
		}
		boolean tested = false;
		for (String name : p.implementedBy()) {
			String[] parts = name.split("#", 2);
			Class<?> type;
			try {
				type = Class.forName(parts[0]);
			}
			catch (ClassNotFoundException e) {
				faults.add(p.id() + " : " + parts[0] + " introuvable");
				continue;
			}
			tested |= type.getSimpleName().endsWith("Tests");
			if (parts.length == 2 && !hasMember(type, parts[1])) {
				faults.add(p.id() + " : " + type.getName() + " n'a pas de membre " + parts[1]);
			}
		}
		if (!tested && faults.isEmpty()) {
			faults.add(p.id() + " : aucun test parmi " + p.implementedBy());
		}
		return faults;
	}

	private static boolean hasMember(Class<?> type, String member) {
		return Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(member))
				|| Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.getName().equals(member));
	}
}
