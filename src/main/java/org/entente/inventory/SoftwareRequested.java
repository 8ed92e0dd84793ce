package org.entente.inventory;

/**
 * Someone asked for software to be added to a catalogue (a priority-2 request on the desk under the convention's
 * service levels). Published by the inventory when the request is recorded; the desk may open the ticket.
 */
public record SoftwareRequested(String uai, String catalogue, String name, String version, String requestedBy) {
}
