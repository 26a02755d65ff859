package io.graft.cli.render;

import io.graft.Finding;
import io.graft.MigrationTestFailure;
import io.graft.MigrationTestReport;
import io.graft.RevisionTestResult;
import io.graft.Severity;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The shapes of a {@code graft test} report: text, JSON, JUnit XML and SARIF 2.1.0 (lint's renderer). */
public final class TestFormats {

    static final String INFORMATION_URI = "https://github.com/graft-migrations/graft#testing-migrations";

    private TestFormats() {
    }

    /**
     * A line per revision ({@code ok}, {@code FAILED}, {@code skipped}, with what was checked), then
     * every failure as {@code file:line:col: message} with its hint, the notes, and a summary line.
     */
    public static List<String> text(MigrationTestReport report, Style style) {
        List<String> lines = new ArrayList<>();
        for (RevisionTestResult r : report.revisions()) {
            String outcome = switch (r.outcome()) {
                case PASSED -> style.green("ok     ");
                case FAILED -> style.red("FAILED ");
                case SKIPPED -> style.dim("skipped");
            };
            StringBuilder line = new StringBuilder(outcome).append(' ').append(r.revisionId());
            if (!r.checks().isEmpty()) {
                line.append("  (").append(String.join(", ", r.checks())).append(')');
            }
            if (r.note() != null) {
                line.append("  ").append(style.dim(r.note()));
            }
            lines.add(line.toString());
        }
        if (!report.failures().isEmpty()) {
            lines.add("");
        }
        for (MigrationTestFailure f : report.failures()) {
            lines.addAll(Hints.under(f.where() + ": " + style.red("error") + " [" + f.kind().key() + "] " + f.message(),
                    f.hint(), "  "));
        }
        for (String note : report.notes()) {
            lines.add("note: " + note);
        }
        return lines;
    }

    public static String summary(MigrationTestReport report) {
        return "test: " + report.revisions().size() + " revision" + (report.revisions().size() == 1 ? "" : "s") + ", "
                + report.count(RevisionTestResult.Outcome.PASSED) + " passed, "
                + report.count(RevisionTestResult.Outcome.FAILED) + " failed, "
                + report.count(RevisionTestResult.Outcome.SKIPPED) + " skipped; " + report.failures().size()
                + " failure" + (report.failures().size() == 1 ? "" : "s") + " (" + report.dialect().key() + ", "
                + report.elapsedMs() + " ms)";
    }

    public static Map<String, Object> json(MigrationTestReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", !report.failed());
        doc.put("dialect", report.dialect().key());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("revisions", report.revisions().size());
        summary.put("passed", report.count(RevisionTestResult.Outcome.PASSED));
        summary.put("failed", report.count(RevisionTestResult.Outcome.FAILED));
        summary.put("skipped", report.count(RevisionTestResult.Outcome.SKIPPED));
        summary.put("failures", report.failures().size());
        doc.put("summary", summary);
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (RevisionTestResult r : report.revisions()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("revision", r.revisionId());
            view.put("outcome", r.outcome().key());
            view.put("checks", r.checks());
            if (r.note() != null) {
                view.put("note", r.note());
            }
            view.put("elapsed_ms", r.elapsedMs());
            revisions.add(view);
        }
        doc.put("revisions", revisions);
        List<Map<String, Object>> failures = new ArrayList<>();
        for (MigrationTestFailure f : report.failures()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("kind", f.kind().key());
            view.put("revision", f.revisionId());
            view.put("file", f.where().file());
            view.put("line", f.where().line() == 0 ? null : f.where().line());
            view.put("column", f.where().column() == 0 ? null : f.where().column());
            view.put("message", f.message());
            view.put("objects", f.objects());
            view.put("hint", f.hint());
            failures.add(view);
        }
        doc.put("failures", failures);
        doc.put("notes", report.notes());
        doc.put("elapsed_ms", report.elapsedMs());
        return doc;
    }

    /** SARIF through lint's renderer: one rule per kind of failure, one result per failure. */
    public static Map<String, Object> sarif(MigrationTestReport report, String version) {
        List<LintFormats.SarifRule> rules = new ArrayList<>();
        for (MigrationTestFailure.Kind k : MigrationTestFailure.Kind.values()) {
            rules.add(new LintFormats.SarifRule(k.key(), k.description(), Severity.ERROR, "test"));
        }
        List<Finding> findings = report.failures().stream()
                .map(f -> new Finding(f.kind().key(), Severity.ERROR, f.where(), f.message(), f.hint())).toList();
        return LintFormats.sarif(rules, findings, version, INFORMATION_URI);
    }

    /**
     * JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): one test suite,
     * one test case per revision, a {@code failure} per failure of it, {@code skipped} for a
     * revision not tested.
     */
    public static String junit(MigrationTestReport report, String suiteName) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attributes(xml, report, "graft test");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            attributes(xml, report, suiteName);
            for (RevisionTestResult r : report.revisions()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", suiteName);
                xml.writeAttribute("name", r.revisionId());
                xml.writeAttribute("time", seconds(r.elapsedMs()));
                for (MigrationTestFailure f : report.failuresOf(r.revisionId())) {
                    xml.writeCharacters("\n      ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", f.kind().key());
                    xml.writeAttribute("message", f.message());
                    xml.writeCharacters(f.render() + (f.hint() == null ? "" : "\nhint: " + f.hint()));
                    xml.writeEndElement();
                }
                if (r.outcome() == RevisionTestResult.Outcome.SKIPPED) {
                    xml.writeCharacters("\n      ");
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", r.note() == null ? "not tested" : r.note());
                }
                if (!report.failuresOf(r.revisionId()).isEmpty() || r.outcome() == RevisionTestResult.Outcome.SKIPPED) {
                    xml.writeCharacters("\n    ");
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out + "\n";
    }

    private static void attributes(XMLStreamWriter xml, MigrationTestReport report, String name) throws XMLStreamException {
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(report.revisions().size()));
        xml.writeAttribute("failures", Long.toString(report.count(RevisionTestResult.Outcome.FAILED)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(report.count(RevisionTestResult.Outcome.SKIPPED)));
        xml.writeAttribute("time", seconds(report.elapsedMs()));
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
