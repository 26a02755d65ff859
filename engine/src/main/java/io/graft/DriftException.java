package io.graft;

import java.util.List;
import java.util.stream.Collectors;

/** The database does not match the changelog: changed checksums, unknown rows, revisions left running. */
public class DriftException extends MigrationException {

    private final List<Drift> drift;

    /** An exception listing {@code drift} in its message. */
    public DriftException(List<Drift> drift) {
        super("the database does not match the changelog:\n" + drift.stream()
                .map(d -> "  " + d.render().replace("\n", "\n  ")).collect(Collectors.joining("\n")));
        this.drift = List.copyOf(drift);
    }

    /** Every disagreement found. */
    public List<Drift> drift() {
        return drift;
    }
}
