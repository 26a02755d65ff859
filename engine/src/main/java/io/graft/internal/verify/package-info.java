/**
 * {@code graft test}: every revision of a changelog proved on a scratch database (up, down, up
 * again, compared through the schema model), the branches of every merge in each order the graph
 * allows, and the revisions' test files.
 */
package io.graft.internal.verify;
