package io.graft;

import java.util.stream.Collectors;

/**
 * A database's schema drifted ({@code graft drift --targets}: one target's result): the report
 * names every difference. Not a failure of Graft or of the database; the command exits 3.
 */
public class SchemaDriftException extends GraftException {

    /** How many differences the message lists; the report has all. */
    private static final int LISTED = 5;

    private final SchemaDriftReport report;

    public SchemaDriftException(SchemaDriftReport report) {
        super("schema drifted: " + report.differences().size() + " difference(s) from "
                + (report.baseline() == SchemaDriftReport.Baseline.RECORDED ? "the schema recorded by graft up"
                        : "the changelog")
                + ": " + report.differences().stream().limit(LISTED).map(d -> d.describe(report.baseline()))
                        .collect(Collectors.joining("; "))
                + (report.differences().size() > LISTED ? "; ..." : ""));
        this.report = report;
    }

    public SchemaDriftReport report() {
        return report;
    }
}
