package io.graft.cli.render;

import io.graft.fleet.FleetListener;
import io.graft.fleet.FleetResult;

/** The report of a fleet run: progress while it runs (a {@link FleetListener}), then the result. */
public interface FleetView extends FleetListener {

    /** The run is over; {@code exitCode} is the one the process exits with. */
    void finished(FleetResult result, int exitCode);

    /** The view for the output's format. */
    static FleetView of(Output output, String operation, int parallel) {
        return output.json() ? new FleetJson(output) : new FleetText(output, operation, parallel);
    }
}
