package org.entente.convention;

import java.time.Period;
import java.util.List;

/** A committee of article 4, with its cadence, missions and members (by role, then named person). */
public record Committee(String code, String name, Period cadence, String convenedBy, String clause,
		List<String> missions, List<Member> members) {

	public record Member(String party, String role, String person) {
	}
}
