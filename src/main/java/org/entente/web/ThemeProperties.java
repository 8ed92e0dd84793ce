package org.entente.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Each Département sets its name, colour and logo ({@code entente.theme.*}); the palette stays neutral otherwise. */
@Validated
@ConfigurationProperties("entente.theme")
public record ThemeProperties(@NotBlank @DefaultValue("Département") String organisation,
		@NotBlank @DefaultValue("Entente") String applicationName,
		@Pattern(regexp = "#[0-9a-fA-F]{6}", message = "couleur attendue au format #RRGGBB") @DefaultValue("#1f4e79") String primaryColor,
		@NotBlank @DefaultValue("/img/logo.svg") String logo) {
}
