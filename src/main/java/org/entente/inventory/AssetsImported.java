package org.entente.inventory;

/** A CSV import was committed: how many assets it created and updated, by whom. */
public record AssetsImported(int created, int updated, String by) {
}
