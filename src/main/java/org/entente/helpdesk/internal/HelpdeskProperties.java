package org.entente.helpdesk.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code entente.helpdesk.*}: after how many working days a resolved ticket closes by itself, how often the clock
 * watcher runs, and the public address used in mail links.
 */
@ConfigurationProperties("entente.helpdesk")
record HelpdeskProperties(@DefaultValue("5") int autoCloseWorkingDays, @DefaultValue("PT1M") Duration watchEvery,
		@DefaultValue("http://localhost:8080") String baseUrl) {
}
