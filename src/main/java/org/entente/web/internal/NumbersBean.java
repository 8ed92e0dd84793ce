package org.entente.web.internal;

import java.math.BigDecimal;

import org.entente.common.FrenchNumbers;
import org.springframework.stereotype.Component;

/** {@link FrenchNumbers} for the templates of every module: {@code ${@numbers.amount(x)}}, {@code ${@numbers.count(n)}}. */
@Component("numbers")
class NumbersBean {

	public String count(Number n) {
		return n == null ? "" : FrenchNumbers.count(n.longValue());
	}

	public String amount(Number euros) {
		if (euros == null) {
			return "";
		}
		return euros instanceof BigDecimal d ? FrenchNumbers.amount(d) : FrenchNumbers.amount(euros.longValue());
	}

	public String decimal(BigDecimal value) {
		return value == null ? "" : FrenchNumbers.decimal(value);
	}
}
