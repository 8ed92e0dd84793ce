package org.entente.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The journal ({@code entente.journal.*}): where raw lines live, how often they are synced and signed, how long they
 * are kept, and the syslog receivers. A port left unset is 5514 on the loopback in demo mode and off otherwise; 0
 * turns a receiver off.
 */
@Validated
@ConfigurationProperties("entente.journal")
public record JournalProperties(@NotNull @DefaultValue("./data/journal") Path directory, Path headsDirectory,
		Path signingKey, @NotNull @DefaultValue("PT0.2S") Duration syncInterval,
		@NotNull @DefaultValue("PT5S") Duration treeHeadInterval,
		@Min(1 << 16) @DefaultValue("268435456") long segmentMaxBytes, Period retention,
		@NotNull @DefaultValue("Europe/Paris") ZoneId zone, @NotNull @DefaultValue("0 30 3 * * *") String purgeCron,
		@NotNull @DefaultValue Syslog syslog) {

	public JournalProperties {
		if (treeHeadInterval != null && treeHeadInterval.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("entente.journal.tree-head-interval: at most PT10S (a signed tree head at least every 10 s)");
		}
		if (syncInterval != null && syncInterval.compareTo(Duration.ofSeconds(1)) > 0) {
			throw new IllegalArgumentException("entente.journal.sync-interval: at most PT1S (the loss window)");
		}
	}

	public Path headsDirectoryOrDefault() {
		return headsDirectory != null ? headsDirectory : directory.resolve("heads");
	}

	public Path signingKeyOrDefault() {
		return signingKey != null ? signingKey : directory.resolve("keys").resolve("signing.key");
	}

	/** How long lines are kept: the configured period, else one year (décret 2021-1362). */
	public Period retentionOrDefault() {
		return retention != null ? retention : Period.ofYears(1);
	}

	/**
	 * The receivers. {@code tlsBundle} names a Spring Boot SSL bundle ({@code spring.ssl.bundle.pem.<name>} with the
	 * key and certificate, or {@code .jks.<name>}).
	 */
	public record Syslog(@NotNull @DefaultValue("127.0.0.1") String bindAddress, Integer tcpPort, Integer udpPort,
			Integer tlsPort, String tlsBundle, @DefaultValue("false") boolean tlsClientAuth,
			@Min(480) @Max(16 << 20) @DefaultValue("65536") int maxLine, @NotNull @DefaultValue("PT2M") Duration idleTimeout,
			@Min(1) @DefaultValue("256") int maxConnections, @Min(1) @DefaultValue("4096") int queueBatches) {
	}
}
