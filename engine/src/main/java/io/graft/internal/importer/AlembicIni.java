package io.graft.internal.importer;

import io.graft.SourceSpan;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [alembic]} section of an {@code alembic.ini}, read as Python's {@code configparser}
 * reads it: {@code key = value} or {@code key: value}, indented continuation lines, {@code #} and
 * {@code ;} comment lines, and {@code %(name)s} interpolation from the section, {@code [DEFAULT]}
 * and {@code here} (the file's folder, which Alembic supplies).
 */
final class AlembicIni {

    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^([^=:\\s][^=:]*?)\\s*[=:]\\s?(.*)$");
    private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]+)\\)s|%%");

    private final String display;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();

    private AlembicIni(String display) {
        this.display = display;
    }

    /** Parses {@code text}; {@code here} is the folder {@code %(here)s} stands for. */
    static AlembicIni parse(String text, String display, String here) {
        AlembicIni ini = new AlembicIni(display);
        ini.defaults.put("here", here);
        String section = null;
        String lastKey = null;
        Map<String, String> target = null;
        String[] rows = text.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            String trimmed = row.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(row.charAt(0)) && lastKey != null && target != null) {
                target.merge(lastKey, "\n" + trimmed, String::concat);
                continue;
            }
            Matcher s = SECTION.matcher(trimmed);
            if (s.matches()) {
                section = s.group(1).strip();
                target = section.equals("alembic") ? ini.values : section.equals("DEFAULT") ? ini.defaults : null;
                lastKey = null;
                continue;
            }
            Matcher e = ENTRY.matcher(trimmed);
            if (e.matches() && target != null) {
                lastKey = e.group(1).strip().toLowerCase(Locale.ROOT);
                target.put(lastKey, e.group(2).strip());
                if (target == ini.values) {
                    ini.lines.put(lastKey, i + 1);
                }
            } else {
                lastKey = null;
            }
        }
        return ini;
    }

    /** The value of {@code key}, interpolated, or null. */
    String get(String key) {
        String raw = values.containsKey(key) ? values.get(key) : null;
        if (raw == null) {
            return null;
        }
        return interpolate(raw, 0);
    }

    /** The value of {@code key} as written, without interpolation (for a URL that may hold a password). */
    String raw(String key) {
        return values.get(key);
    }

    /** Where {@code key} is set, or the file. */
    SourceSpan where(String key) {
        Integer line = lines.get(key);
        return line == null ? SourceSpan.file(display) : new SourceSpan(display, line, 1);
    }

    private String interpolate(String value, int depth) {
        if (depth > 10) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "%";
            } else {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                String v = values.containsKey(name) ? values.get(name) : defaults.get(name);
                replacement = v == null ? m.group() : interpolate(v, depth + 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
