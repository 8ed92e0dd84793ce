package org.entente;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;

import org.entente.common.HandedBackLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * What an asynchronous event listener threw: an event handed back on purpose ({@link HandedBackLater}, a mail
 * claimed by another attempt) on one line at INFO, anything else as Spring logs it (ERROR with its stack). The
 * listeners keep Spring Boot's application executor.
 */
@Configuration(proxyBeanMethods = false)
class AsyncErrors implements AsyncConfigurer, AsyncUncaughtExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AsyncErrors.class);
	private final AsyncUncaughtExceptionHandler others = new SimpleAsyncUncaughtExceptionHandler();
	private final Executor executor;

	AsyncErrors(@Qualifier("applicationTaskExecutor") Executor executor) {
		this.executor = executor;
	}

	@Override
	public Executor getAsyncExecutor() {
		return executor;
	}

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return this;
	}

	@Override
	public void handleUncaughtException(Throwable e, Method method, Object... params) {
		if (e instanceof HandedBackLater) {
			log.info("{} ({}.{})", e.getMessage(), method.getDeclaringClass().getSimpleName(), method.getName());
		}
		else {
			others.handleUncaughtException(e, method, params);
		}
	}
}
