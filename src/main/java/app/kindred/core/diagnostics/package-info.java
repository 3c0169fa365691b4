/**
 * Measurements for benchmarks that production never turns on: how many SQL statements
 * Kindred sends, counted only with {@code kindred.diagnostics.count-statements=true}.
 */
package app.kindred.core.diagnostics;
