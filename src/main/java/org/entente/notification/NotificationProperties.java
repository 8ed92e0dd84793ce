package org.entente.notification;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code entente.mail.*}: whether mail goes to the SMTP server configured under {@code spring.mail.*}
 * (off by default, so a demo without SMTP only logs what it would send), the sender address, and how long a
 * failed delivery waits before it is retried.
 */
@Validated
@ConfigurationProperties("entente.mail")
public record NotificationProperties(@DefaultValue("false") boolean enabled,
		@NotBlank @Email @DefaultValue("entente@localhost.invalid") String from,
		@NotNull @DefaultValue("PT1M") Duration retryAfter) {
}
