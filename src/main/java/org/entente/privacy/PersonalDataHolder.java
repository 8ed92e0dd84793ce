package org.entente.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a module holds on a person and how it is destroyed (annexe protection des données §8): each module that
 * stores personal data implements this interface as a Spring bean, in its own module and on its own tables only.
 * The purge calls {@link #destroy} for every person whose destruction date has passed; an access request gathers
 * {@link #describe}; a dry run reads {@link #count}. A table with a column that holds a person's identifier must be
 * named in some holder's {@link #columns}, or {@code PersonalDataCoverageTests} fails.
 */
public interface PersonalDataHolder {

	/** The retention category of the convention file this holder's data falls under, e.g. {@code ACCOUNTS}. */
	String category();

	/** The columns that identify a person, as « table.column », that {@link #destroy} clears or deletes. */
	List<String> columns();

	/** Mail addresses this module knows for the person, so that the other holders can find them too. */
	default Set<String> addresses(DataSubject subject) {
		return Set.of();
	}

	/** How many records concern the person (a dry run, the access request's summary). */
	long count(DataSubject subject);

	/** What is held on the person, one map per record, for an access request (never secrets such as passwords). */
	List<Map<String, Object>> describe(DataSubject subject);

	/** Destroys or anonymises what concerns the person, irreversibly, in the caller's transaction; returns the count. */
	long destroy(DataSubject subject);
}
