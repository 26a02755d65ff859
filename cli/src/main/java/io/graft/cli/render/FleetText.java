package io.graft.cli.render;

import io.graft.RevisionStep;
import io.graft.fleet.FleetResult;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text report of a fleet run. On a terminal, one progress line redrawn in place (targets done,
 * failed, running, revisions applied, rate, ETA), with each failure printed above it as it
 * happens; elsewhere (a CI log, a pipe) one line per target as it finishes. Then a summary table
 * (every target of a small fleet; only those that did not succeed of a large one), the failures
 * in full, and a totals line.
 */
final class FleetText implements FleetView {

    /** Up to this many targets the summary table lists every one. */
    static final int FULL_TABLE = 50;

    private final Output output;
    private final Style style;
    private final String operation;
    private final int parallel;
    private final long start = System.nanoTime();
    private int total;
    private int waves;
    private int done;
    private int failed;
    private int running;
    private long revisions;
    private long lastDraw;
    private boolean drawn;

    FleetText(Output output, String operation, int parallel) {
        this.output = output;
        this.style = output.style();
        this.operation = operation;
        this.parallel = parallel;
    }

    @Override
    public synchronized void started(int targets, List<Integer> waveSizes) {
        total = targets;
        waves = waveSizes.size();
        output.line("graft " + operation + " on " + count(targets, "target") + ", " + parallel + " at a time"
                + (waveSizes.size() > 1 ? ", in " + waveSizes.size() + " waves of " + join(waveSizes) : ""));
    }

    @Override
    public synchronized void waveStarted(int wave, int size) {
        if (waves > 1) {
            clear();
            output.line(style.bold("wave " + wave + " of " + waves + ": " + count(size, "target")));
            draw(true);
        }
    }

    @Override
    public synchronized void targetStarted(FleetTarget target, int wave) {
        running++;
        draw(false);
    }

    @Override
    public synchronized void waitingForLock(FleetTarget target, String holder) {
        clear();
        output.notice("graft: " + target.name() + ": waiting for the migration lock"
                + (holder == null || holder.isBlank() ? "" : " held by " + holder) + " ...");
        draw(true);
    }

    @Override
    public synchronized void revisionFinished(FleetTarget target, RevisionStep step) {
        revisions++;
        draw(false);
    }

    @Override
    public synchronized void targetFinished(TargetResult r) {
        if (r.outcome() != TargetResult.Outcome.SKIPPED) {
            running--;
        }
        done++;
        boolean bad = r.outcome() == TargetResult.Outcome.FAILED || r.outcome() == TargetResult.Outcome.INTERRUPTED;
        if (bad) {
            failed++;
        }
        if (!output.interactive() || bad) {
            clear();
            output.line(targetLine(r));
        }
        draw(bad);
    }

    @Override
    public synchronized void finished(FleetResult result, int exitCode) {
        clear();
        List<TargetResult> shown = result.results().size() <= FULL_TABLE ? result.results()
                : result.results().stream().filter(r -> !r.succeeded()).toList();
        if (!shown.isEmpty()) {
            output.line("");
            table(shown, result.operation());
            if (shown.size() < result.results().size()) {
                output.line("  ... and " + (result.results().size() - shown.size()) + " more that succeeded");
            }
        }
        List<TargetResult> failures = result.failures();
        if (!failures.isEmpty()) {
            output.line("");
            output.line(style.red("Failures:"));
            for (TargetResult r : failures) {
                output.line("  " + style.bold(r.name()) + " (" + r.url() + "): "
                        + ErrorText.message(r.error()).replace("\n", "\n    "));
            }
        }
        output.line("");
        String totals = count(result.results().size(), "target") + ": " + result.count(TargetResult.Outcome.SUCCEEDED)
                + " succeeded, " + result.count(TargetResult.Outcome.FAILED) + " failed"
                + (result.count(TargetResult.Outcome.INTERRUPTED) > 0
                        ? ", " + result.count(TargetResult.Outcome.INTERRUPTED) + " interrupted" : "")
                + (result.count(TargetResult.Outcome.SKIPPED) > 0
                        ? ", " + result.count(TargetResult.Outcome.SKIPPED) + " skipped" : "")
                + (operation.equals("up") || operation.equals("down")
                        ? "; " + count(result.revisionsApplied(), "revision") + " "
                                + (operation.equals("up") ? "applied" : "reverted") : "")
                + String.format(Locale.ROOT, " in %.1f s", result.elapsedMs() / 1000.0);
        output.line(result.succeeded() ? style.green(totals) : style.bold(totals));
        if (result.stopped()) {
            output.line("Stopped before every target ran: run the same command again to resume.");
        } else if (!result.succeeded() && (operation.equals("up") || operation.equals("down"))) {
            output.line("Fix the failures and run the same command again: only targets not yet done are touched.");
        }
    }

    private void table(List<TargetResult> rows, String op) {
        boolean reads = op.equals("status") || op.equals("check");
        List<String[]> cells = new ArrayList<>();
        cells.add(reads ? new String[] {"TARGET", "RESULT", "CURRENT", "PENDING", "TIME", "PROBLEM"}
                : new String[] {"TARGET", "RESULT", "BEFORE", "AFTER", "APPLIED", "TIME", "PROBLEM"});
        for (TargetResult r : rows) {
            String problem = r.error() == null ? "" : r.fault().orElse("error")
                    + r.failedRevision().map(id -> " " + id).orElse("")
                    + r.where().map(w -> " at " + w).orElse("");
            String time = r.outcome() == TargetResult.Outcome.SKIPPED ? "" : r.durationMs() + " ms";
            cells.add(reads
                    ? new String[] {r.name(), outcome(r), revisions(r.after()), Integer.toString(r.pending().size()),
                            time, problem}
                    : new String[] {r.name(), outcome(r), revisions(r.before()), revisions(r.after()),
                            Integer.toString(r.applied().size()), time, problem});
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            String[] row = cells.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = i == row.length - 1 ? row[i] : pad(row[i], widths[i]);
                line.append(r == 0 ? style.dim(cell) : i == 1 ? colour(row[i], cell) : cell)
                        .append(i == row.length - 1 ? "" : "  ");
            }
            output.line(line.toString().stripTrailing());
        }
    }

    private String targetLine(TargetResult r) {
        String name = r.name();
        return switch (r.outcome()) {
            case SKIPPED -> "  " + style.dim(pad("skipped", 11)) + name;
            case FAILED, INTERRUPTED -> "  " + style.red(pad(outcome(r), 11)) + name + "  " + r.fault().orElse("error")
                    + ": " + firstLine(ErrorText.message(r.error()));
            case SUCCEEDED -> "  " + style.green(pad("ok", 11)) + name + "  " + success(r)
                    + style.dim("  (" + r.durationMs() + " ms)");
        };
    }

    private String success(TargetResult r) {
        if (operation.equals("drift")) {
            return "at " + revisions(r.after()) + ", no drift";
        }
        if (operation.equals("status") || operation.equals("check")) {
            return "at " + revisions(r.after()) + (r.pending().isEmpty() ? ", up to date" : ", " + r.pending().size()
                    + " pending");
        }
        if (r.applied().isEmpty()) {
            return "nothing to do (at " + revisions(r.after()) + ")";
        }
        return r.applied().size() + (operation.equals("down") ? " reverted" : " applied") + ": "
                + revisions(r.before()) + " -> " + revisions(r.after());
    }

    private void draw(boolean force) {
        if (!output.interactive()) {
            return;
        }
        long now = System.nanoTime();
        if (!force && drawn && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max((now - start) / 1e9, 0.001);
        double rate = done / seconds;
        String eta = done == 0 || done >= total ? "" : String.format(Locale.ROOT, ", ETA %s",
                duration((total - done) / Math.max(rate, 0.0001)));
        output.partial("\r\u001b[K" + String.format(Locale.ROOT, "%d/%d done, %d failed, %d running, %d %s, %.1f targets/s%s",
                done, total, failed, Math.max(running, 0), revisions,
                operation.equals("down") ? "reverted" : "applied", rate, eta));
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            output.partial("\r\u001b[K");
            drawn = false;
        }
    }

    private String colour(String outcome, String cell) {
        return switch (outcome) {
            case "ok" -> style.green(cell);
            case "skipped" -> style.dim(cell);
            default -> style.red(cell);
        };
    }

    private static String outcome(TargetResult r) {
        return switch (r.outcome()) {
            case SUCCEEDED -> "ok";
            case FAILED -> "FAILED";
            case INTERRUPTED -> "INTERRUPTED";
            case SKIPPED -> "skipped";
        };
    }

    private static String revisions(List<String> ids) {
        return ids.isEmpty() ? "<base>" : String.join(",", ids);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String join(List<Integer> sizes) {
        return String.join(", ", sizes.stream().map(String::valueOf).toList());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
