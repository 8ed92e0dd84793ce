package org.entente.common;

/**
 * One faulty field or parameter of a request, in the one JSON shape every problem document uses:
 * {@code "errors": [{"field": "title", "message": "obligatoire"}]}. {@code field} is a JSON path for a body
 * ({@code items[2].name}), the name for a query or path parameter, the column for a file line.
 */
public record FieldProblem(String field, String message) {
}
