package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements that make each kind of change, per dialect. {@link SchemaDiff} decides what
 * changes and in which order; a {@code Ddl} only spells it. Objects that a dialect does not have
 * (PostgreSQL's types and sequences elsewhere) are never asked for.
 */
abstract class Ddl {

    static Ddl of(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresDdl();
            case MYSQL -> new MySqlDdl();
            case SQLITE -> new SqliteDdl();
        };
    }

    abstract String quote(String name);

    String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    String quoteAll(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(quote(n));
        }
        return String.join(", ", out);
    }

    // Tables

    /** CREATE TABLE with its columns and its non-foreign-key constraints (SQLite: all of them). */
    abstract String createTable(Table table);

    /** Whether foreign keys are created with the table (SQLite) instead of added afterwards. */
    boolean foreignKeysInline() {
        return false;
    }

    String dropTable(Table table) {
        return "DROP TABLE " + quote(table.name());
    }

    String renameTable(String from, String to) {
        return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to);
    }

    abstract String columnDefinition(Table table, Column column);

    String addColumn(Table table, Column column) {
        return "ALTER TABLE " + quote(table.name()) + " ADD COLUMN " + columnDefinition(table, column);
    }

    String dropColumn(Table table, Column column) {
        return "ALTER TABLE " + quote(table.name()) + " DROP COLUMN " + quote(column.name());
    }

    String renameColumn(Table table, String from, String to) {
        return "ALTER TABLE " + quote(table.name()) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
    }

    /** The statements that turn column {@code from} into {@code to} (same name) of {@code table}. */
    abstract List<String> alterColumn(Table table, Column from, Column to);

    /**
     * The statements that change a table's options and comment; empty when there is nothing to
     * say. They run before its columns change; {@code existing} names the columns it has then.
     */
    abstract List<String> alterTable(Table from, Table to, List<String> existing);

    /** Why {@code from} cannot become {@code to} by altering it, or null. */
    String cannotAlter(Table from, Table to) {
        return null;
    }

    /**
     * Whether a foreign key stops the database from changing what it uses: the type of one of
     * its columns (either end), or the index it found on its columns. Where it does (MySQL), the
     * diff drops the foreign key first and adds it again after.
     */
    boolean foreignKeysPinTheirColumns() {
        return false;
    }

    /**
     * Whether an identity column must be the first column of a key while it is one (MySQL's
     * AUTO_INCREMENT): the diff then takes the identity off before its key goes, and puts it on
     * after its new key is there.
     */
    boolean identityNeedsKey() {
        return false;
    }

    abstract String addConstraint(Table table, Constraint constraint);

    abstract String dropConstraint(Table table, Constraint constraint);

    abstract String createIndex(Table table, Index index);

    abstract String dropIndex(String table, Index index);

    /** Statements that make {@code to} from {@code from} by copying it into a new table (SQLite). */
    List<String> rebuild(Table from, Table to, List<String[]> copiedColumns) {
        throw new UnsupportedOperationException("no table rebuild in this dialect");
    }

    // Views, routines, triggers

    abstract List<String> createView(View view);

    abstract String dropView(View view);

    abstract String createRoutine(Routine routine);

    abstract String dropRoutine(Routine routine);

    String createTrigger(Trigger trigger) {
        return trigger.definition();
    }

    abstract String dropTrigger(Trigger trigger);

    /** Comments on a new table and its columns (PostgreSQL); elsewhere they are part of the definition. */
    List<String> comments(Table table) {
        return List.of();
    }

    /** The comment on a column just added (PostgreSQL); elsewhere it is part of the column's definition. */
    List<String> comments(Table table, Column column) {
        return List.of();
    }

    // PostgreSQL only

    String createExtension(Extension extension) {
        throw unsupported("extensions");
    }

    String dropExtension(Extension extension) {
        throw unsupported("extensions");
    }

    String createEnum(EnumType type) {
        throw unsupported("enum types");
    }

    String addEnumValue(EnumType type, String label, String before) {
        throw unsupported("enum types");
    }

    String dropType(String name) {
        throw unsupported("types");
    }

    String createDomain(DomainType domain) {
        throw unsupported("domains");
    }

    List<String> alterDomain(DomainType from, DomainType to) {
        throw unsupported("domains");
    }

    String createSequence(Sequence sequence) {
        throw unsupported("sequences");
    }

    String alterSequence(Sequence sequence, boolean ownedBy) {
        throw unsupported("sequences");
    }

    String dropSequence(Sequence sequence) {
        throw unsupported("sequences");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " has no " + what);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
