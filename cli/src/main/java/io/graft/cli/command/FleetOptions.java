package io.graft.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of a fleet run, on {@code up}, {@code down}, {@code status} and {@code check}:
 * with {@code --targets}, the command runs on every target ({@link FleetRun}).
 */
final class FleetOptions {

    @Option(names = "--targets", paramLabel = "NAME|FILE|GLOB",
            description = "Run on many databases: the targets of graft.yaml's environment NAME, a file with one URL "
                    + "or JSON object per line, or a glob of SQLite files (e.g. 'tenants/*.db').")
    String targets;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --targets: how many targets run at once (default: graft.yaml's parallel, else 4).")
    Integer parallel;

    @Option(names = "--waves", paramLabel = "WAVES",
            description = "With --targets: roll out in waves, e.g. 1,10%%,rest; a wave starts when the one before "
                    + "succeeded (or stayed within --max-failures).")
    String waves;

    @Option(names = "--max-failures", paramLabel = "K",
            description = "With --targets: after more than K failed targets no further target starts (default 0).")
    Integer maxFailures;

    @Option(names = "--continue-on-error",
            description = "With --targets: run every target, whatever fails.")
    boolean continueOnError;

    @Option(names = "--only", paramLabel = "PATTERN",
            description = "With --targets: only the targets whose name matches (* and ?; commas for several).")
    List<String> only = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN",
            description = "With --targets: leave out the targets whose name matches (* and ?; commas for several).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "With --targets: take slice I (from 0) of N, by rendezvous hashing of the target names; "
                    + "N processes with 0/N .. N-1/N migrate the fleet once, without a coordinator.")
    String shard;

    /** True when the command runs on a fleet. */
    boolean requested() {
        return targets != null;
    }

    /** The fleet options given without {@code --targets}, for the error that says so; null when none. */
    String strayOption() {
        if (parallel != null) {
            return "--parallel";
        }
        if (waves != null) {
            return "--waves";
        }
        if (maxFailures != null) {
            return "--max-failures";
        }
        if (continueOnError) {
            return "--continue-on-error";
        }
        if (!only.isEmpty()) {
            return "--only";
        }
        if (!exclude.isEmpty()) {
            return "--exclude";
        }
        return shard != null ? "--shard" : null;
    }
}
