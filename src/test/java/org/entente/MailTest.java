package org.entente;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A mail test: the whole application ({@link EntenteTest}) on a database of the class's own, with the
 * application's mail on and sent to a real SMTP server (GreenMail on loopback, a free port) that lives as long as
 * the test class. The class reads what arrived through {@code static final GreenMailExtension greenMail =
 * MailTest.Smtp.of(MyTests.class);}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@EntenteTest
@DirtiesContext
@ExtendWith(MailTest.Smtp.class)
public @interface MailTest {

	/** The name of the class's own database (see {@link TestDatabases#isolate}). */
	String database();

	/** Starts and stops each class's server (one for the whole class: no per-test lifecycle) and gives its application context the mail properties. */
	final class Smtp implements BeforeAllCallback, AfterAllCallback, ContextCustomizerFactory {

		private record Server(int port, GreenMailExtension server) {
		}

		private static final Map<Class<?>, Server> SERVERS = new ConcurrentHashMap<>();

		/** The SMTP server of a {@code @MailTest} class (started before its first test, stopped after its last). */
		public static GreenMailExtension of(Class<?> testClass) {
			return server(testClass).server();
		}

		private static Server server(Class<?> testClass) {
			return SERVERS.computeIfAbsent(testClass, c -> {
				int port = TestSmtp.freePort();
				return new Server(port, TestSmtp.server(port));
			});
		}

		@Override
		public void beforeAll(ExtensionContext context) throws Exception {
			of(context.getRequiredTestClass()).beforeAll(context);
		}

		@Override
		public void afterAll(ExtensionContext context) throws Exception {
			of(context.getRequiredTestClass()).afterAll(context);
		}

		/** Registered in {@code META-INF/spring.factories}: mail properties for {@code @MailTest} classes only. */
		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
			MailTest mailTest = AnnotatedElementUtils.findMergedAnnotation(testClass, MailTest.class);
			return mailTest == null ? null : new Properties(testClass, mailTest.database());
		}

		private record Properties(Class<?> testClass, String database) implements ContextCustomizer {

			@Override
			public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
				Map<String, Object> values = new LinkedHashMap<>();
				DynamicPropertyRegistry registry = new DynamicPropertyRegistry() {

					@Override
					public void add(String name, Supplier<Object> value) {
						values.put(name, value.get());
					}
				};
				TestSmtp.register(registry, server(testClass).port(), database);
				context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mailTest", values));
			}
		}
	}
}
