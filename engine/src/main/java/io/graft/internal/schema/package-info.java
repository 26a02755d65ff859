/**
 * The schema model: a normalised, immutable picture of one schema of a live database, read from
 * its catalog per dialect ({@link io.graft.internal.schema.SchemaReader}), rendered as stable JSON
 * ({@link io.graft.internal.schema.SchemaJson}), compared ({@link io.graft.internal.schema.SchemaDiff})
 * and rendered as DDL per dialect ({@link io.graft.internal.schema.DdlRenderer}).
 *
 * <p>Objects the model does not describe are listed as {@link io.graft.internal.schema.UnknownObject}s
 * by kind and name, never silently dropped. Graft's own tables ({@code graft_*}) are left out.
 */
package io.graft.internal.schema;
