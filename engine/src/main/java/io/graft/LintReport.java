package io.graft;

import java.util.List;

/**
 * What {@code graft lint} found, sorted by file, line, column and rule.
 *
 * @param findings every finding, after graft.yaml's re-grading (rules turned off are left out)
 */
public record LintReport(List<Finding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when lint fails: an error, or with {@code strict} also a warning. */
    public boolean failed(boolean strict) {
        return count(Severity.ERROR) > 0 || strict && count(Severity.WARNING) > 0;
    }
}
