package io.graft.spring;

import io.graft.AppliedRevision;
import io.graft.Drift;
import io.graft.Graft;
import io.graft.Status;
import io.graft.changelog.Revision;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** The Actuator endpoint {@code graft}: the changelog against the database, as {@code graft status} shows it. */
@Endpoint(id = "graft")
public class GraftEndpoint {

    private final Graft graft;

    public GraftEndpoint(Graft graft) {
        this.graft = graft;
    }

    @ReadOperation
    public GraftStatus graft() {
        Status status = graft.status();
        return new GraftStatus(status.upToDate(), status.current(),
                status.pending().stream().map(Revision::id).toList(),
                status.heads().stream().map(Revision::id).toList(),
                status.completed().stream().map(AppliedRevision::id).toList(),
                status.drift().stream().map(d -> new DriftEntry(d.kind().name(), d.revisionId(), d.message(), d.hint())).toList());
    }

    /**
     * @param upToDate nothing pending and no drift
     * @param current applied revisions with no applied descendant
     * @param pending what {@code up} to heads would apply, in order
     * @param heads the changelog's heads
     * @param applied the applied revisions, in the order they were applied; a revision a run left
     *     {@code running} is not among them (it is in {@code drift})
     * @param drift what blocks a run (changed checksums, unknown rows, running revisions)
     */
    public record GraftStatus(boolean upToDate, List<String> current, List<String> pending, List<String> heads,
            List<String> applied, List<DriftEntry> drift) {
    }

    /** One {@link Drift}: its kind, revision, message and hint. */
    public record DriftEntry(String kind, String revision, String message, String hint) {
    }
}
