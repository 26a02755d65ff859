/**
 * SQL files as statements (DESIGN §7).
 *
 * <ul>
 *   <li>{@link io.graft.internal.sql.SqlSplitter} splits a file into {@link io.graft.internal.sql.SqlStatement}s, each
 *       with its file, line and column, using one lexer configured by {@link io.graft.internal.sql.SplitOptions}
 *       (each {@code Dialect} gives its preset: psql's, sqlite3's and mysql's rules).
 *   <li>{@link io.graft.internal.sql.StatementInspector} answers the executor's questions from a statement's
 *       first words: must it run outside a transaction, is it transaction control, is it DDL.
 *   <li>{@link io.graft.internal.sql.StatementClassifier} asks JSqlParser for kind, destructiveness and tables,
 *       for lint; a statement it cannot parse still runs.
 * </ul>
 */
package io.graft.internal.sql;
