package io.graft.cli.render;

import io.graft.Finding;
import io.graft.LintReport;
import io.graft.Severity;
import io.graft.LintRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four shapes of a lint report: text, JSON, SARIF 2.1.0 and GitHub workflow commands. */
public final class LintFormats {

    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/graft-migrations/graft#lint";

    private LintFormats() {
    }

    /** {@code file:line:col: severity [rule] message}, an indented hint, then a summary line. */
    public static List<String> text(LintReport report, Style style) {
        List<String> lines = new ArrayList<>();
        for (Finding f : report.findings()) {
            String severity = switch (f.severity()) {
                case ERROR -> style.red(f.severity().key());
                case WARNING -> style.yellow(f.severity().key());
                case NOTE -> style.cyan(f.severity().key());
            };
            String line = f.where() + ": " + severity + " [" + f.rule() + "] " + f.message();
            lines.addAll(Hints.under(line, f.hint(), "  "));
        }
        return lines;
    }

    public static String summary(LintReport report) {
        if (report.findings().isEmpty()) {
            return "lint: no problems found";
        }
        return "lint: " + plural(report.count(Severity.ERROR), "error") + ", "
                + plural(report.count(Severity.WARNING), "warning") + ", " + plural(report.count(Severity.NOTE), "note");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public static Map<String, Object> json(LintReport report, boolean strict) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", !report.failed(strict));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("errors", report.count(Severity.ERROR));
        counts.put("warnings", report.count(Severity.WARNING));
        counts.put("notes", report.count(Severity.NOTE));
        doc.put("summary", counts);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("rule", f.rule());
            view.put("severity", f.severity().key());
            view.put("file", f.where().file());
            view.put("line", f.where().line() == 0 ? null : f.where().line());
            view.put("column", f.where().column() == 0 ? null : f.where().column());
            view.put("message", f.message());
            view.put("hint", f.hint());
            findings.add(view);
        }
        doc.put("findings", findings);
        return doc;
    }

    /** A SARIF 2.1.0 log with one run: every rule as a reportingDescriptor, every finding as a result. */
    public static Map<String, Object> sarif(LintReport report, String version) {
        List<SarifRule> rules = new ArrayList<>();
        for (LintRule r : LintRule.values()) {
            rules.add(new SarifRule(r.id(), r.rationale(), r.defaultSeverity(),
                    r.category().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return sarif(rules, report.findings(), version, INFORMATION_URI);
    }

    /** A rule of a SARIF log: its id, what it checks, its level and its category. */
    public record SarifRule(String id, String description, Severity severity, String category) {
    }

    /**
     * A SARIF 2.1.0 log with one run of {@code graft}: the rules as reportingDescriptors, the
     * findings as results (for lint and for {@code graft test}).
     */
    public static Map<String, Object> sarif(List<SarifRule> rules, List<Finding> findings, String version,
            String informationUri) {
        List<Map<String, Object>> descriptors = new ArrayList<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (SarifRule r : rules) {
            ruleIndex.put(r.id(), descriptors.size());
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("id", r.id());
            descriptor.put("name", camel(r.id()));
            descriptor.put("shortDescription", Map.of("text", r.description()));
            descriptor.put("defaultConfiguration", Map.of("level", level(r.severity())));
            descriptor.put("properties", Map.of("category", r.category()));
            descriptors.add(descriptor);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.rule());
            if (ruleIndex.containsKey(f.rule())) {
                result.put("ruleIndex", ruleIndex.get(f.rule()));
            }
            result.put("level", level(f.severity()));
            result.put("message", Map.of("text", f.hint() == null ? f.message() : f.message() + ". Hint: " + f.hint()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", uri(f.where().file())));
            if (f.where().line() > 0) {
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", f.where().line());
                if (f.where().column() > 0) {
                    region.put("startColumn", f.where().column());
                }
                physical.put("region", region);
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "graft");
        driver.put("version", version);
        driver.put("informationUri", informationUri);
        driver.put("rules", descriptors);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    /** GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=[rule]::message}. */
    public static List<String> github(LintReport report) {
        List<String> lines = new ArrayList<>();
        for (Finding f : report.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            StringBuilder props = new StringBuilder("file=" + property(f.where().file()));
            if (f.where().line() > 0) {
                props.append(",line=").append(f.where().line());
                if (f.where().column() > 0) {
                    props.append(",col=").append(f.where().column());
                }
            }
            props.append(",title=").append(property("graft lint [" + f.rule() + "]"));
            String message = String.join("\n", Hints.under(f.message(), f.hint(), ""));
            lines.add("::" + command + " " + props + "::" + data(message));
        }
        return lines;
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /** A relative path as a URI reference: forward slashes, spaces and the like percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        String s = out.toString();
        return path.startsWith("/") ? "file://" + s : s;
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
