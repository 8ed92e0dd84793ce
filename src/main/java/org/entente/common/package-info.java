/**
 * Shapes every module shares, one each: the error that becomes an RFC 9457 problem document
 * ({@link org.entente.common.ProblemException} with its {@link org.entente.common.FieldProblem}s), the
 * {@code If-Match} reader, the page of a list ({@link org.entente.common.PageSlice}), the spreadsheet-safe CSV
 * writer ({@link org.entente.common.CsvWriter}) and the CSV reader of all-or-nothing imports
 * ({@link org.entente.common.CsvReader}) and the printable document ({@link org.entente.common.PdfReport}). An open module, as the common module of spring-modular-monolith:
 * it depends on no module and any module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commun", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.entente.common;
