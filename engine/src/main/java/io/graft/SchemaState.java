package io.graft;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The live schema against the one {@code graft up} recorded after its last run ({@code graft_schema}),
 * as {@link Status#schema()} reports it.
 *
 * @param kind what the comparison found
 * @param recordedAt when the schema compared with was recorded; null when none was
 * @param recordedRevisions the revisions applied when it was recorded
 * @param differences how many objects differ, ignored ones left out (when {@link Kind#DRIFTED})
 */
public record SchemaState(Kind kind, Instant recordedAt, List<String> recordedRevisions, int differences) {

    /** No comparison was made: no database yet, or recording is turned off. */
    public static final SchemaState NOT_CHECKED = new SchemaState(Kind.NOT_CHECKED, null, List.of(), 0);

    /** No schema is recorded in this database (no run since recording began). */
    public static final SchemaState NOT_RECORDED = new SchemaState(Kind.NOT_RECORDED, null, List.of(), 0);

    public SchemaState {
        recordedRevisions = List.copyOf(recordedRevisions);
    }

    public enum Kind {
        NOT_CHECKED,
        NOT_RECORDED,
        /** The newest record was made at other revisions than those applied now (a stamp or a repair since). */
        OTHER_REVISIONS,
        /** The live schema is the one recorded (ignored objects aside). */
        AS_RECORDED,
        /** The live schema differs from the one recorded: changed behind Graft's back. */
        DRIFTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean drifted() {
        return kind == Kind.DRIFTED;
    }
}
