package org.entente.journal.internal.store;

/** Limits of a store: the size at which a segment closes, the longest leaf data (a line with its metadata). */
public record StoreOptions(long maxSegmentBytes, int maxLeafData) {
}
