package org.entente.web.internal;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** French first; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** After Spring Security (order -100): the key belongs to the authenticated account. */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<IdempotencyKeys> idempotencyKeys(
			org.springframework.jdbc.core.simple.JdbcClient jdbc, org.springframework.transaction.support.TransactionTemplate transactions) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new IdempotencyKeys(jdbc, transactions));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(0);
		return registration;
	}

	/** Links to pages written without looking them up as static files (see {@link PageLinks}). */
	@Bean
	static PageLinks.Installer pageLinks() {
		return new PageLinks.Installer();
	}

	/** Content-versioned assets cached for a year (see {@link ImmutableAssets}); before Spring Security's headers. */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<ImmutableAssets> immutableAssets() {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new ImmutableAssets());
		registration.addUrlPatterns("/css/*", "/js/*", "/img/*", "/webjars/*");
		registration.setOrder(-200);
		return registration;
	}

	/** Every API POST says in the OpenAPI document that it takes an Idempotency-Key. */
	@Bean
	org.springdoc.core.customizers.OperationCustomizer idempotencyKeyParameter() {
		return (operation, handler) -> {
			var post = handler.getMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class);
			if (post != null) {
				operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
					.name(IdempotencyKeys.HEADER)
					.required(false)
					.description("Clé unique choisie par le client (un UUID) : une requête renvoyée avec la même clé dans les "
							+ "24 heures reçoit la première réponse au lieu de créer une seconde fois ; même clé, autre corps : 422.")
					.schema(new io.swagger.v3.oas.models.media.StringSchema().maxLength(255)));
			}
			return operation;
		};
	}

	/** Tomcat's own error answers (before any filter runs) in Entente's shapes: see {@link ContainerErrorReport}. */
	@Bean
	org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> containerErrors() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
				host.setErrorReportValveClass(ContainerErrorReport.class.getName());
			}
		});
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("entente-langue");
		resolver.setDefaultLocale(Locale.FRENCH);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}
}
