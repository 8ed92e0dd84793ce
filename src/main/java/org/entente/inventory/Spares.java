package org.entente.inventory;

/**
 * Spare equipment (status SPARE) available for a component: on site in an establishment, or in the Département's
 * central stock (no UAI). Counted from the inventory's assets (the module's own table, through its repository).
 */
public interface Spares {

	SpareAvailability availableFor(String uai, String componentCode);
}
