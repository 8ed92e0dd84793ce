package org.entente.convention;

/** A party to the convention (ACA, CD, EPLE, EDITEUR), as the convention file names it. */
public record Party(String code, String name, String shortName) {
}
