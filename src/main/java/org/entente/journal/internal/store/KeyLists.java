package org.entente.journal.internal.store;

/** Where a search finds the lines of a key: a sealed segment's file, or a block of the segment being written. */
public interface KeyLists {

	/** The lines listed under {@code key} in the field {@code tag}. */
	SegmentPostings.Listed listed(int tag, int key);
}
