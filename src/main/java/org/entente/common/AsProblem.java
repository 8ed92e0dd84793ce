package org.entente.common;

/**
 * An exception that must keep another superclass for its callers (an {@link IllegalArgumentException} that code
 * catches as such) and is said as this problem all the same: the web module renders {@link #problem()} exactly as it
 * renders a {@link ProblemException}.
 */
public interface AsProblem {

	ProblemException problem();
}
