package io.graft.internal.dialect;

/**
 * Where the history lives: an optional schema and the two table names.
 *
 * @param schema the schema (PostgreSQL) or database (MySQL), or null for the connection's own
 * @param prefix table name prefix, {@code graft_} by default
 */
public record HistoryTables(String schema, String prefix) {

    public String revisionsName() {
        return prefix + "revisions";
    }

    public String logName() {
        return prefix + "log";
    }

    /** The table of recorded schemas: a hash and the model after each run that changed something. */
    public String schemaRecordsName() {
        return prefix + "schema";
    }

    /** The revisions table, schema-qualified when a schema is set, quoted by {@code dialect}. */
    public String revisions(Dialect dialect) {
        return qualify(dialect, revisionsName());
    }

    public String log(Dialect dialect) {
        return qualify(dialect, logName());
    }

    public String schemaRecords(Dialect dialect) {
        return qualify(dialect, schemaRecordsName());
    }

    /** Table {@code table} beside the history tables, schema-qualified when a schema is set. */
    public String qualified(Dialect dialect, String table) {
        return qualify(dialect, table);
    }

    private String qualify(Dialect dialect, String table) {
        return schema == null ? dialect.quote(table) : dialect.quote(schema) + "." + dialect.quote(table);
    }

    /** A stable number naming this history, for advisory locks: two histories in one database do not block each other. */
    public long lockKey(String database) {
        String name = "graft:" + database + ":" + (schema == null ? "" : schema) + ":" + prefix;
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }
}
