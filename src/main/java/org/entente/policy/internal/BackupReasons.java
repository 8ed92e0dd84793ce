package org.entente.policy.internal;

import java.time.Period;

import org.entente.convention.ConventionLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A broken backup commitment said in the reader's language ({@code ${@backupReasons.say(r)}} on the backups page):
 * the sentence {@code pol.backups.reason.<CODE>} of the register's bundle, with the data class's name
 * ({@link ConventionLabels#dataClass(String)}) and the convention's period in words ({@code pol.period.*}). The French
 * sentences that {@link Backups} builds stay what the API and the desk's tickets carry.
 */
@Component("backupReasons")
public class BackupReasons {

	private final MessageSource messages;
	private final ConventionLabels labels;

	BackupReasons(MessageSource messages, ConventionLabels labels) {
		this.messages = messages;
		this.labels = labels;
	}

	public String say(Backups.Reason r) {
		String period = words(r.period());
		return messages.getMessage("pol.backups.reason." + r.code(), new Object[] { period, labels.dataClass(r.dataClass()) },
				r.code(), LocaleContextHolder.getLocale());
	}

	/** « un jour », « 3 mois », « 10 jours » (« one day », « 3 months », « 10 days »); another shape in ISO form. */
	String words(Period p) {
		if (p == null) {
			return "";
		}
		if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() > 0) {
			return messages.getMessage("pol.period.days", new Object[] { p.getDays() }, LocaleContextHolder.getLocale());
		}
		if (p.getYears() == 0 && p.getDays() == 0 && p.getMonths() > 0) {
			return messages.getMessage("pol.period.months", new Object[] { p.getMonths() }, LocaleContextHolder.getLocale());
		}
		return p.toString();
	}
}
