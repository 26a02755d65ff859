/**
 * Graft's public API: the {@link io.graft.Graft} facade, its immutable results, its listener,
 * targets ({@link io.graft.Target}) and its error types, together with the changelog model in
 * {@link io.graft.changelog} ({@code Changelog}, {@code Revision}, {@code SqlRef}, {@code
 * DialectId}) that the results expose.
 *
 * <p>Everything under {@code io.graft.internal} is internal: the command line uses only this
 * package and the model. Data flows one way: files → {@code Changelog} → {@code RevisionGraph}
 * → {@code Plan} → {@code Migrator} → database.
 *
 * <p>Error families, each mapped by the command line to one exit code:
 * {@link io.graft.ChangelogException} and {@link io.graft.TargetException} (2, bad input, nothing
 * touched), {@link io.graft.MigrationException} and {@link io.graft.DriftException} (1, the database
 * refused or does not match), {@link io.graft.LockTimeoutException} (4).
 */
package io.graft;
