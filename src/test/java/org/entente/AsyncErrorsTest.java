package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.entente.common.HandedBackLater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;

/** An event handed back on purpose is one INFO line; any other failure of an asynchronous listener stays an ERROR. */
class AsyncErrorsTest {

	private final ListAppender<ILoggingEvent> mine = new ListAppender<>();
	private final ListAppender<ILoggingEvent> spring = new ListAppender<>();

	@BeforeEach
	void listen() {
		mine.start();
		spring.start();
		((Logger) LoggerFactory.getLogger(AsyncErrors.class)).addAppender(mine);
		((Logger) LoggerFactory.getLogger(SimpleAsyncUncaughtExceptionHandler.class)).addAppender(spring);
	}

	@AfterEach
	void stop() {
		((Logger) LoggerFactory.getLogger(AsyncErrors.class)).detachAppender(mine);
		((Logger) LoggerFactory.getLogger(SimpleAsyncUncaughtExceptionHandler.class)).detachAppender(spring);
	}

	@Test
	void anEventHandedBackIsLoggedOnOneLineAtInfoAndAFailureAsAnError() throws Exception {
		Method method = Object.class.getMethod("toString");
		AsyncErrors errors = new AsyncErrors(Runnable::run);
		errors.handleUncaughtException(new HandedBackLater("Courriel 1 réservé par un autre envoi"), method);
		errors.handleUncaughtException(new IllegalStateException("panne"), method);
		assertThat(mine.list).singleElement().satisfies(e -> {
			assertThat(e.getLevel()).isEqualTo(Level.INFO);
			assertThat(e.getFormattedMessage()).isEqualTo("Courriel 1 réservé par un autre envoi (Object.toString)");
			assertThat(e.getThrowableProxy()).isNull();
		});
		assertThat(spring.list).singleElement().satisfies(e -> {
			assertThat(e.getLevel()).isEqualTo(Level.ERROR);
			assertThat(e.getThrowableProxy().getMessage()).isEqualTo("panne");
		});
	}
}
