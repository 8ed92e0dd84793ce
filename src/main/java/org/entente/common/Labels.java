package org.entente.common;

import java.lang.reflect.Method;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The words of an enum value in the page's language, for the templates of every module ({@code ${@labels.of(x)}}): the
 * bundle's {@code label.<Type>.<NAME>} (e.g. {@code label.AssetStatus.SPARE}), else the French label the value carries
 * ({@code label()}), else its name. French labels stay in the code, next to the value; the English ones are in the
 * {@code *_en} bundles, and {@code LabelCoverageTests} fails when one is missing.
 */
public final class Labels {

	private final MessageSource messages;

	public Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The bundle key of an enum value's words. */
	public static String key(Enum<?> value) {
		return "label." + value.getDeclaringClass().getSimpleName() + "." + value.name();
	}

	/** The French label an enum value carries ({@code label()}), or its name when it has none. */
	public static String french(Enum<?> value) {
		try {
			Method label = value.getDeclaringClass().getMethod("label");
			label.setAccessible(true);
			return String.valueOf(label.invoke(value));
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			return value.name();
		}
	}

	public String of(Enum<?> value) {
		return value == null ? "" : of(value, LocaleContextHolder.getLocale());
	}

	public String of(Enum<?> value, Locale locale) {
		return messages.getMessage(key(value), null, french(value), locale);
	}

	/** The code a CSV file or an API call uses for the value: its name. */
	public String code(Enum<?> value) {
		return value == null ? "" : value.name();
	}
}
