/**
 * Graft's internals: everything below {@code io.graft.internal} may change in any release.
 * Applications and the command line use {@link io.graft.Graft}, its results and errors, and the
 * changelog model in {@link io.graft.changelog}; a test ({@code ApiBoundaryTest}) keeps the
 * command line to those.
 *
 * <p>One concept per package, data flowing one way: {@code changelog} (files → model) →
 * {@code graph} (validation, targets, plans) → {@code sql} (splitting, classification) →
 * {@code migrate} (executing a plan, with {@code dialect} and {@code history}) → database;
 * {@code lint}, {@code authoring} and {@code render} read the model and the graph.
 */
package io.graft.internal;
