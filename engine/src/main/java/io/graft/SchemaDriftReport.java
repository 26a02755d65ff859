package io.graft;

import io.graft.changelog.DialectId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code graft drift} found: how the live schema differs from the schema the changelog gives
 * at the revisions the database has applied (built on a scratch database).
 *
 * @param dialect the database's dialect
 * @param applied the revisions applied in the database, which the expected schema was built from
 * @param differences every difference, in the order the schema diff gives them; empty: no drift
 */
public record SchemaDriftReport(DialectId dialect, List<String> applied, List<Difference> differences) {

    public SchemaDriftReport {
        applied = List.copyOf(applied);
        differences = List.copyOf(differences);
    }

    /** True when the live schema differs from the changelog's (the command exits 3). */
    public boolean drifted() {
        return !differences.isEmpty();
    }

    /** Which way an object differs. */
    public enum Way {
        /** In the database, not in the changelog: added by hand. */
        ADDED,
        /** In the changelog, not in the database: dropped by hand, or never created. */
        MISSING,
        /** In both, different. */
        CHANGED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One object that differs.
     *
     * @param way added, missing or changed
     * @param object the object in words: {@code table audit}, {@code column users.email}
     * @param change the schema diff's kind of the change that would take the changelog's schema to
     *     the live one ({@code create_table}, {@code alter_column}, ...)
     * @param note what differs, where the diff says; or null
     */
    public record Difference(Way way, String object, String change, String note) {

        public Difference {
            Objects.requireNonNull(way, "way");
            Objects.requireNonNull(object, "object");
        }

        /** {@code table audit: added by hand (not in the changelog)}. */
        public String describe() {
            String what = switch (way) {
                case ADDED -> "in the database, not in the changelog (added by hand)";
                case MISSING -> "in the changelog, missing from the database";
                case CHANGED -> "differs from the changelog";
            };
            return object + ": " + what + (note == null ? "" : " (" + note + ")");
        }
    }
}
