package org.entente.web.internal;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.entente.common.ProblemException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * No null element in a JSON list body, at any depth: a list member of a body (« lines », « items ») or of one of its
 * elements is refused by Jackson itself (content nulls fail for every declared collection type), and a body that is itself a list
 * is checked here once read, since Jackson applies type rules to members only. Both give the 400 naming the element
 * (« lines[0] », « [0] »). Maps keep their nulls: a merge patch uses them to remove a value.
 */
@Configuration(proxyBeanMethods = false)
class NullElements {

	static final String MESSAGE = "élément vide (null) interdit dans une liste";

	@Bean
	JsonMapperBuilderCustomizer noNullElementsInCollections() {
		// A config override applies to the declared type exactly: each collection type a body may declare.
		return builder -> {
			for (Class<?> type : new Class<?>[] { Collection.class, java.util.List.class, java.util.Set.class,
					java.util.SortedSet.class }) {
				builder.withConfigOverride(type, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
			}
		};
	}

	/** The body that is a list: its elements, checked after reading and before the controller runs. */
	@ControllerAdvice
	static class ListBodies extends RequestBodyAdviceAdapter {

		@Override
		public boolean supports(MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			return Collection.class.isAssignableFrom(parameter.getParameterType());
		}

		@Override
		public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			if (body instanceof Collection<?> list) {
				int i = 0;
				for (Iterator<?> it = list.iterator(); it.hasNext(); i++) {
					if (it.next() == null) {
						throw ProblemException.invalid("[" + i + "]", MESSAGE);
					}
				}
			}
			return body;
		}
	}
}
