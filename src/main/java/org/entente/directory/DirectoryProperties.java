package org.entente.directory;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo mode ({@code entente.demo.*}) and login throttling ({@code entente.security.*}). Outside demo mode no
 * account or password exists until an administrator creates one.
 */
@Validated
@ConfigurationProperties("entente")
public record DirectoryProperties(@NotNull Demo demo, @NotNull Security security) {

	/** {@code password} comes from ENTENTE_DEMO_PASSWORD; blank means a random one is printed once. */
	public record Demo(@DefaultValue("false") boolean enabled, String password) {
	}

	/**
	 * Sign-in throttling: {@code maxFailedLogins} wrong passwords for one account from one address hold that pair
	 * back for {@code lockout}, doubling at each new lock up to {@code maxLockout}; {@code addressFailures} from one
	 * address over any accounts hold the address back, {@code accountFailures} for one account from any addresses hold
	 * the account back, except from the addresses it signed in from successfully.
	 */
	public record Security(@Min(1) @DefaultValue("5") int maxFailedLogins, @NotNull @DefaultValue("PT1M") Duration lockout,
			@NotNull @DefaultValue("PT1H") Duration maxLockout, @Min(1) @DefaultValue("20") int addressFailures,
			@Min(1) @DefaultValue("20") int accountFailures) {
	}
}
