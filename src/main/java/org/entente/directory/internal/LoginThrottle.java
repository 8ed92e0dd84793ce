package org.entente.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entente.directory.Accounts;
import org.entente.directory.Account;
import org.entente.directory.DirectoryProperties;
import org.entente.directory.Role;
import org.entente.directory.SignInLocks;
import org.entente.common.StoredText;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.InAppNotifications;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without handing attackers a way to lock the owner out: wrong passwords are counted
 * by account and client address together, by address and by account ({@link SignInCounters}), with locks that
 * double up to a cap and a reset on success. The client address is the one Tomcat gives, which behind the proxy is
 * the RemoteIpValve's (server.forward-headers-strategy native). The counts live in the database, shared by every
 * instance and kept across restarts; each lock that starts is logged and posted once (by the one instance that
 * started it) to the administrators as an in-app notice.
 */
@Component
class LoginThrottle implements SignInLocks {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

	private final SignInCounters counters;
	private final AccountUserDetailsService userDetails;
	private final Accounts accounts;
	/** Absent when only some modules run (a module test): the log line is then the alert. */
	private final ObjectProvider<InAppNotifications> notices;

	LoginThrottle(JdbcClient jdbc, DirectoryProperties properties, Clock clock, AccountUserDetailsService userDetails,
			Accounts accounts, ObjectProvider<InAppNotifications> notices) {
		this.counters = new SignInCounters(jdbc, properties.security(), clock);
		this.userDetails = userDetails;
		this.accounts = accounts;
		this.notices = notices;
	}

	@Override
	public Optional<Instant> lockedUntil(String username, String address) {
		return counters.lockedUntil(username, address);
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		userDetails.forget(username);
		for (SignInCounters.Lock lock : counters.failed(username, address(event.getAuthentication()))) {
			alert(lock);
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		counters.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private void alert(SignInCounters.Lock lock) {
		String what = switch (lock.kind()) {
			case PAIR -> "Connexions au compte « " + lock.username() + " » depuis " + lock.address();
			case ADDRESS -> "Connexions depuis " + lock.address() + " (tous comptes, dernier essayé « " + lock.username() + " »)";
			case ACCOUNT -> "Connexions au compte « " + lock.username() + " » depuis d'autres adresses que les siennes (dernière " + lock.address() + ")";
		};
		String title = what + " suspendues jusqu'au " + TIME.format(lock.until()) + " après " + lock.failures() + " mots de passe erronés";
		log.warn("Verrouillage {} : {}", lock.kind(), title);
		try {
			List<String> admins = accounts.enabledAmong(Set.of(), Set.of(Role.ADMIN), null).stream().map(Account::username).toList();
			StoredText words = StoredText.message("dir.notice.lock." + lock.kind().name(), lock.username(), lock.address(),
					TIME.format(lock.until()), String.valueOf(lock.failures()));
			notices.ifAvailable(n -> n.post(InAppNotificationRequested.of(admins, title, "/comptes").withWords(words)));
		}
		catch (RuntimeException e) {
			// The sign-in answer does not depend on the notice: the log line above is the alert of last resort.
			log.error("Avis de verrouillage non publié aux administrateurs", e);
		}
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
				? d.getRemoteAddress() : "inconnue";
	}
}
