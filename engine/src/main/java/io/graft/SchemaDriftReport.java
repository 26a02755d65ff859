package io.graft;

import io.graft.changelog.DialectId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code graft drift} found: how the live schema differs from the schema it should have,
 * either the one {@code graft up} recorded after its last run, or the one the changelog gives at
 * the revisions the database has applied (built on a scratch database).
 *
 * @param dialect the database's dialect
 * @param applied the revisions the expected schema stands for
 * @param differences every difference, in the order the schema diff gives them, ignored objects
 *     left out; empty: no drift
 * @param baseline what the live schema was compared with
 * @param recordedAt when the recorded schema was recorded ({@link Baseline#RECORDED}); else null
 * @param ignored how many differences the {@code drift.ignore} patterns left out
 */
public record SchemaDriftReport(DialectId dialect, List<String> applied, List<Difference> differences,
        Baseline baseline, Instant recordedAt, int ignored) {

    public SchemaDriftReport {
        applied = List.copyOf(applied);
        differences = List.copyOf(differences);
        Objects.requireNonNull(baseline, "baseline");
    }

    /** A comparison with the changelog, nothing ignored. */
    public SchemaDriftReport(DialectId dialect, List<String> applied, List<Difference> differences) {
        this(dialect, applied, differences, Baseline.CHANGELOG, null, 0);
    }

    /** What the live schema is compared with. */
    public enum Baseline {
        /** The schema {@code graft up} recorded in {@code graft_schema} after its last run. */
        RECORDED,
        /** The changelog at the applied revisions, built on a scratch database. */
        CHANGELOG;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
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

        /** {@code table audit: added by hand}, against the changelog. */
        public String describe() {
            return describe(Baseline.CHANGELOG);
        }

        /** {@code table audit: added by hand}, in the words of what it was compared with. */
        public String describe(Baseline baseline) {
            String expected = baseline == Baseline.RECORDED ? "the schema recorded by graft up" : "the changelog";
            String what = switch (way) {
                case ADDED -> "in the database, not in " + expected + " (added by hand)";
                case MISSING -> "in " + expected + ", missing from the database";
                case CHANGED -> "differs from " + expected;
            };
            return object + ": " + what + (note == null ? "" : " (" + note + ")");
        }
    }
}
