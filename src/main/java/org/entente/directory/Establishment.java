package org.entente.directory;

/** A public collège (or cité scolaire), identified by its UAI. {@code demo} marks demonstration data. */
public record Establishment(Uai uai, String name, String commune, EstablishmentKind kind, boolean demo) {
}
