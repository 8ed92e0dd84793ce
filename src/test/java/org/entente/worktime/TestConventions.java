package org.entente.worktime;

import org.entente.convention.Convention;
import org.entente.convention.ConventionFixtures;

/** The seed convention file, under another version number when a test needs an amendment. */
public final class TestConventions {

	private TestConventions() {
	}

	public static Convention withVersion(String version) {
		String text = ConventionFixtures.seedText().replaceFirst("(?m)^version: \"1\"$", "version: \"" + version + "\"");
		return ConventionFixtures.parse("convention-" + version + ".yaml", text);
	}
}
