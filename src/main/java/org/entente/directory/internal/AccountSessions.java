package org.entente.directory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a person's open sessions (an account disabled, its role or scope changed, its password set by link).
 * Sessions live in the database (Spring Session JDBC), indexed by principal name: deleting them signs the person
 * out on every instance at once.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
		this.repository = repository;
	}

	/** How many sessions were ended. */
	int endAll(String username) {
		FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
		if (sessions == null) {
			return 0;
		}
		var ids = sessions.findByPrincipalName(username).keySet();
		ids.forEach(sessions::deleteById);
		if (!ids.isEmpty()) {
			log.info("{} session(s) de {} fermée(s)", ids.size(), username);
		}
		return ids.size();
	}
}
