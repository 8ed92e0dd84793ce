package org.entente.convention;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** Where the convention file loaded at start-up lives ({@code entente.convention.location}). */
@Validated
@ConfigurationProperties("entente.convention")
public record ConventionProperties(@NotNull Resource location) {
}
