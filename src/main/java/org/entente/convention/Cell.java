package org.entente.convention;

import java.util.List;

/**
 * One cell of the matrix: the parties it names, already followed through a «cf …» reference when there is one
 * ({@code seeComponent} then names the component it points at).
 */
public record Cell(List<String> parties, String seeComponent) {

	public boolean isBlank() {
		return parties.isEmpty();
	}
}
