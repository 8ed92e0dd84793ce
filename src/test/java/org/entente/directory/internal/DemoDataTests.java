package org.entente.directory.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;

import org.entente.directory.Accounts;
import org.entente.directory.DirectoryProperties;
import org.entente.directory.Establishments;
import org.junit.jupiter.api.Test;

class DemoDataTests {

	@Test
	void outsideDemoModeNoAccountAndNoPasswordIsCreated() {
		Accounts accounts = mock(Accounts.class);
		Establishments establishments = mock(Establishments.class);
		var properties = new DirectoryProperties(new DirectoryProperties.Demo(false, "secret"),
				new DirectoryProperties.Security(5, Duration.ofMinutes(1), Duration.ofHours(1), 20, 20));
		new DemoData(properties, establishments, accounts).run(null);
		verifyNoInteractions(accounts, establishments);
	}
}
