package io.graft;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The database does not match the changelog: changed checksums, unknown rows, revisions left running. */
public class DriftException extends MigrationException {

    private final List<Drift> drift;
    private final Status status;

    /** An exception listing {@code drift} in its message. */
    public DriftException(List<Drift> drift) {
        this(drift, null);
    }

    /** The drift {@code check} found, with the whole comparison it found it in. */
    public DriftException(Status status) {
        this(status.drift(), status);
    }

    private DriftException(List<Drift> drift, Status status) {
        super("the database does not match the changelog:\n" + drift.stream()
                .map(d -> "  " + d.render().replace("\n", "\n  ")).collect(Collectors.joining("\n")));
        this.drift = List.copyOf(drift);
        this.status = status;
    }

    /** Every disagreement found. */
    public List<Drift> drift() {
        return drift;
    }

    /** For {@code check}: the changelog against the database (applied, pending, heads) in which the drift was found. */
    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }
}
