package org.entente.web.internal;

import org.entente.common.Labels;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link Labels} for the templates of every module, {@code ${@labels.of(asset.data().status())}}, and for the desk's model. */
@Configuration(proxyBeanMethods = false)
class LabelsBean {

	@Bean("labels")
	Labels labels(MessageSource messages) {
		return new Labels(messages);
	}
}
