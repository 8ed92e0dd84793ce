package org.entente.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the same on every API: the items, the page number (from 0), its size, the total when it was
 * counted (capped at {@code totalCapped}) and whether a next page exists.
 */
public record PageSlice<T>(List<T> items, int page, int size, Long total, boolean totalCapped, boolean hasNext) {

	/** The largest page × size any list accepts (a deeper page is a 400, not a negative offset). */
	public static final long MAX_OFFSET = 1_000_000;

	/** A page whose total was not counted: {@code hasNext} comes from reading one item more than {@code size}. */
	public static <T> PageSlice<T> ofOneMore(List<T> readPlusOne, int page, int size) {
		boolean next = readPlusOne.size() > size;
		return new PageSlice<>(next ? readPlusOne.subList(0, size) : readPlusOne, page, size, null, false, next);
	}

	/** A page with its total, counted up to {@code cap}. */
	public static <T> PageSlice<T> counted(List<T> items, int page, int size, long total, long cap) {
		return new PageSlice<>(items, page, size, Math.min(total, cap), total > cap, (long) (page + 1) * size < total);
	}

	/** Checks page and size before any query: 400 naming the parameter. */
	public static void check(int page, int size, int maxSize) {
		if (page < 0) {
			throw ProblemException.invalidParameter("page", "La page commence à 0.");
		}
		if (size < 1 || size > maxSize) {
			throw ProblemException.invalidParameter("size", "La taille de page va de 1 à " + maxSize + ".");
		}
		if ((long) page * size > MAX_OFFSET) {
			throw ProblemException.invalidParameter("page", "Page trop lointaine : affinez les filtres (page × taille ≤ 1 000 000).");
		}
	}

	public <R> PageSlice<R> map(Function<T, R> f) {
		return new PageSlice<>(items.stream().map(f).toList(), page, size, total, totalCapped, hasNext);
	}
}
