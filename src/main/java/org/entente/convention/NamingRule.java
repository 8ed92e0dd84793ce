package org.entente.convention;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A naming rule of the Département (workstations, network sockets, peripherals): the names of the assets of the
 * listed components must match {@code pattern}, in which the token {@code <UAI>} stands for the establishment's
 * UAI. Assets on an exempt network are not checked (the administrative workstations' system names are the
 * Académie's). The parser has checked that the pattern compiles and that the example matches it.
 */
public record NamingRule(String kind, String label, String pattern, String example, Set<String> appliesTo,
		Set<Network> exemptNetworks, String clause) {

	/** The token replaced by the establishment's UAI. */
	public static final String UAI_TOKEN = "<UAI>";

	/** The rule's regular expression for one establishment (any valid UAI when {@code uai} is null). */
	public Pattern compile(String uai) {
		String replacement = uai == null ? "[0-9]{7}[A-Z]" : Pattern.quote(uai);
		return Pattern.compile(pattern.replace(UAI_TOKEN, replacement));
	}

	public boolean appliesTo(String componentCode, Network network) {
		return appliesTo.contains(componentCode) && (network == null || !exemptNetworks.contains(network));
	}
}
