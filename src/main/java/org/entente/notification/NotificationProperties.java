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
 * (off by default, so a demo without SMTP only logs what it would send), the sender address, how long a
 * failed delivery waits before it is retried, and the lease of a claimed delivery: a mail is claimed (committed)
 * before it is sent, and a claim whose sender died before confirming it is taken over once its lease has run out.
 * The lease must outlast a send: the SMTP timeouts ({@code spring.mail.properties.mail.smtp.*timeout}) are shorter.
 */
@Validated
@ConfigurationProperties("entente.mail")
public record NotificationProperties(@DefaultValue("false") boolean enabled,
		@NotBlank @Email @DefaultValue("entente@localhost.invalid") String from,
		@NotNull @DefaultValue("PT1M") Duration retryAfter, @NotNull @DefaultValue("PT2M") Duration lease) {
}
