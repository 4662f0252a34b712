/**
 * Benchmarks behind {@code ./tandem bench}: each starts what it measures on this machine, prints a
 * table and a one-line summary. Performance goals live here, never in timed unit tests.
 */
package dev.tandem.bench;
