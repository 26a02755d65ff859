package io.graft.internal.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code graft import} writes beside the changelog so that {@code graft adopt} can map the
 * other tool's history onto the revisions: for each revision the tool's own name for it and its
 * checksum of the original file (placeholders still in it), and where the tool keeps its history.
 *
 * @param tool the tool, e.g. {@code flyway}
 * @param schema the schema of the history table, or null for the connection's default
 * @param table the history table
 * @param revisions one entry per revision, in changelog order
 */
public record ImportManifest(String tool, String schema, String table, List<Entry> revisions) {

    /** The manifest's file name, beside the changelog. */
    public static String fileName(String tool) {
        return "graft-import-" + tool + ".json";
    }

    /**
     * One revision and the other tool's identity of it ({@link ImportedRevision.Identity}).
     *
     * @param requires the revision's parents and {@code depends_on} ids: a tool that records only
     *        its heads (Alembic) maps a head to it and everything it requires
     * @param extra tool-specific keys of the identity (Liquibase's author, Sqitch's change id, ...)
     */
    public record Entry(String id, String type, String version, String description, String script, String checksum,
            List<String> covers, List<String> requires, Map<String, String> extra) {

        public Entry {
            covers = List.copyOf(covers);
            requires = List.copyOf(requires);
            extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        }

        /** An entry with no required ids and no extra keys. */
        public Entry(String id, String type, String version, String description, String script, String checksum,
                List<String> covers) {
            this(id, type, version, description, script, checksum, covers, List.of(), Map.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", tool);
        root.put("schema", schema);
        root.put("table", table);
        ArrayNode list = root.putArray("revisions");
        for (Entry e : revisions) {
            ObjectNode n = list.addObject();
            n.put("id", e.id());
            n.put("type", e.type());
            n.put("version", e.version());
            n.put("description", e.description());
            n.put("script", e.script());
            n.put("checksum", e.checksum());
            ArrayNode covers = n.putArray("covers");
            e.covers().forEach(covers::add);
            ArrayNode requires = n.putArray("requires");
            e.requires().forEach(requires::add);
            ObjectNode extra = n.putObject("extra");
            e.extra().forEach(extra::put);
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** The manifest of {@code tool} beside {@code changelog}; a located error when it is missing or broken. */
    public static ImportManifest read(Path changelog, String tool) {
        Path file = changelog.toAbsolutePath().normalize().resolveSibling(fileName(tool));
        if (!Files.isRegularFile(file)) {
            throw new ChangelogException(Problem.at(SourceSpan.file(file.toString()), "no " + fileName(tool)
                    + " beside the changelog: adopt maps " + tool + "'s history through the file that 'graft import "
                    + tool + "' writes", "run 'graft import " + tool + " DIR --out " + changelog + "' first"));
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Entry> entries = new ArrayList<>();
            for (JsonNode n : root.path("revisions")) {
                List<String> covers = new ArrayList<>();
                n.path("covers").forEach(c -> covers.add(c.asText()));
                List<String> requires = new ArrayList<>();
                n.path("requires").forEach(c -> requires.add(c.asText()));
                Map<String, String> extra = new LinkedHashMap<>();
                n.path("extra").fields().forEachRemaining(f -> extra.put(f.getKey(), text(f.getValue())));
                entries.add(new Entry(n.path("id").asText(), text(n.path("type")), text(n.path("version")),
                        text(n.path("description")), text(n.path("script")), text(n.path("checksum")), covers,
                        requires, extra));
            }
            return new ImportManifest(root.path("tool").asText(), text(root.path("schema")),
                    root.path("table").asText(), entries);
        } catch (IOException e) {
            throw new ChangelogException(Problem.at(SourceSpan.file(file.toString()), "cannot read " + fileName(tool)
                    + ": " + e.getMessage(), "run 'graft import " + tool + "' again to write it anew"));
        }
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
