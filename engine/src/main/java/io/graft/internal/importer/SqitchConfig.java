package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sqitch project's {@code sqitch.conf} (Git's configuration syntax: {@code [core]},
 * {@code [engine "pg"]}, {@code [target "name"]} sections of {@code key = value} lines), and the
 * settings of one engine's target resolved as Sqitch resolves them: {@code target.NAME.KEY}, then
 * {@code engine.ENGINE.KEY}, then {@code core.KEY}, then Sqitch's default. Only the project's own
 * file is read; settings in the user's or the system's {@code sqitch.conf} are not seen (the import
 * runs where the project is, not where its author works).
 */
final class SqitchConfig {

    private static final Pattern SECTION = Pattern.compile("^\\[\\s*([A-Za-z0-9.-]+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*]\\s*(?:[#;].*)?$");
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)\\s*(?:=\\s*(.*))?$");

    /** Sqitch's engine keys and the dialect each maps to; other engines have no Graft dialect. */
    static final Map<String, String> ENGINES = Map.of("pg", "postgresql", "sqlite", "sqlite", "mysql", "mysql");

    private final Path file;
    private final Map<String, String> values;

    private SqitchConfig(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** The configuration in {@code dir}; an empty one when the project has no {@code sqitch.conf}. */
    static SqitchConfig read(Path dir, List<Problem> problems) {
        Path file = dir.resolve("sqitch.conf");
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return new SqitchConfig(file, values);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(file.toString()), "cannot read sqitch.conf: " + e.getMessage(),
                    "make the file readable (UTF-8), then import again"));
            return new SqitchConfig(file, values);
        }
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                section = m.group(1).toLowerCase(Locale.ROOT)
                        + (m.group(2) == null ? "" : "." + m.group(2).replaceAll("\\\\(.)", "$1"));
                continue;
            }
            m = ENTRY.matcher(line);
            if (section == null || !m.matches()) {
                problems.add(Problem.at(new SourceSpan(file.toString(), i + 1, 0), "cannot read this line of sqitch.conf",
                        "write 'key = value' lines below a '[section]' header, as 'sqitch config' does"));
                continue;
            }
            values.put((section + "." + m.group(1)).toLowerCase(Locale.ROOT),
                    m.group(2) == null ? "true" : value(m.group(2)));
        }
        return new SqitchConfig(file, values);
    }

    /** A value without its trailing comment, its quotes and its escapes. */
    private static String value(String raw) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else if (!quoted && (c == '#' || c == ';')) {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    Path file() {
        return file;
    }

    /** A raw value ({@code core.engine}, {@code engine.pg.registry}), or null. */
    String get(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /** {@code core.engine}, or null. */
    String engine() {
        return get("core.engine");
    }

    /**
     * The settings of {@code engine}'s target: the target named by {@code engine.ENGINE.target}
     * (or {@code core.target}) when it names a {@code [target]} section, else the engine's and the
     * core's settings.
     */
    Target target(String engine) {
        String name = first("engine." + engine + ".target", "core.target");
        String prefix = "target." + name + ".";
        boolean section = name != null && !name.contains(":") && values.keySet().stream().anyMatch(k -> k.startsWith(prefix));
        return new Target(this, engine, section ? name : null);
    }

    private String first(String... keys) {
        for (String key : keys) {
            String v = get(key);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** One target's settings, with Sqitch's defaults; paths are relative to the project folder. */
    record Target(SqitchConfig config, String engine, String name) {

        String fetch(String key) {
            return config.first(name == null ? "-" : "target." + name + "." + key, "engine." + engine + "." + key,
                    "core." + key);
        }

        String topDir() {
            String v = fetch("top_dir");
            return v == null ? "." : v;
        }

        String planFile() {
            String v = fetch("plan_file");
            return v == null ? join(topDir(), "sqitch.plan") : v;
        }

        String scriptDir(String kind) {
            String v = fetch(kind + "_dir");
            return v == null ? join(topDir(), kind) : v;
        }

        String reworkedScriptDir(String kind) {
            String v = fetch("reworked_" + kind + "_dir");
            if (v != null) {
                return v;
            }
            String reworked = fetch("reworked_dir");
            return join(reworked == null ? topDir() : reworked, kind);
        }

        String extension() {
            String v = fetch("extension");
            return v == null ? "sql" : v;
        }

        /** The registry: a schema (PostgreSQL), a database (MySQL), a file name or path (SQLite). */
        String registry() {
            String v = fetch("registry");
            return v == null ? "sqitch" : v;
        }

        private static String join(String dir, String name) {
            return dir.equals(".") || dir.isEmpty() ? name : dir + "/" + name;
        }
    }
}
