package io.graft.internal.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of a Flyway project that decide what its migrations are: {@code flyway.conf}
 * (or {@code conf/flyway.conf}) as Java properties, or {@code flyway.toml} (Flyway 10+), read into
 * one flat map of {@code flyway.*} keys. Connection settings are not read.
 *
 * @param file the file read, or null when the project has none
 * @param settings {@code flyway.*} keys and their values (a TOML list joined with commas)
 */
record FlywayConfig(Path file, Map<String, String> settings) {

    static FlywayConfig read(Path dir) {
        for (String name : List.of("flyway.toml", "flyway.conf", "conf/flyway.toml", "conf/flyway.conf")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return new FlywayConfig(file, name.endsWith(".toml") ? toml(file) : properties(file));
            }
        }
        return new FlywayConfig(null, Map.of());
    }

    private static Map<String, String> properties(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ChangelogException(Problem.at(SourceSpan.file(file.toString()),
                    "cannot read the Flyway configuration: " + e.getMessage(), "fix the file, or remove it"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            out.put(key.trim(), p.getProperty(key).trim());
        }
        return out;
    }

    private static Map<String, String> toml(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ChangelogException(Problem.at(SourceSpan.file(file.toString()),
                    "cannot read the Flyway configuration: " + e.getMessage(), "fix the file, or remove it"));
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten("flyway", root.path("flyway"), out);
        // Flyway 10 also takes settings per environment; the default environment's flyway section counts too
        JsonNode environments = root.path("environments");
        String env = root.path("flyway").path("environment").asText("default");
        flatten("flyway", environments.path(env).path("flyway"), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(",", items));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    String get(String key, String fallback) {
        String value = settings.get("flyway." + key);
        return value == null || value.isBlank() ? fallback : value;
    }

    List<String> list(String key) {
        String value = settings.get("flyway." + key);
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    /** {@code flyway.placeholders.NAME} values, by name (Flyway matches names case-insensitively). */
    Map<String, String> placeholders() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith("flyway.placeholders.")) {
                out.put(k.substring("flyway.placeholders.".length()).toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        return out;
    }

    String where() {
        return file == null ? "(no flyway.conf or flyway.toml)" : file.toString();
    }
}
