package org.entente.directory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account administration ({@code entente.accounts.*}): how long an invitation or a reset link stays valid, and the
 * address links in mails start with (blank: the address of the request that sent them).
 */
@ConfigurationProperties("entente.accounts")
record AccountSettings(@DefaultValue("P7D") Duration invitationValidity, @DefaultValue("PT24H") Duration resetValidity,
		String baseUrl) {
}
