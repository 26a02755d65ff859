package io.graft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One run of the fleet command: what happened to it and its report (null when killed). */
record ChaosRun(String label, List<String> faults, int exitCode, JsonNode report, double seconds) {

    Map<String, JsonNode> byName() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (report != null) {
            report.get("targets").forEach(t -> m.put(t.get("name").asText(), t));
        }
        return m;
    }

    String outcomes() {
        if (report == null) {
            return "no report (killed)";
        }
        Map<String, Integer> counts = new TreeMap<>();
        report.get("targets").forEach(t -> {
            String key = t.get("outcome").asText();
            if (t.hasNonNull("error")) {
                key += " " + t.get("error").get("fault").asText();
            }
            counts.merge(key, 1, Integer::sum);
        });
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + "; " + report.get("summary").get("revisions_applied")
                + " revisions applied";
    }

    static String fault(JsonNode r) {
        return r == null || r.get("error").isNull() ? "none" : r.get("error").get("fault").asText();
    }

    static String message(JsonNode r) {
        return r == null || r.get("error").isNull() ? "" : r.get("error").get("message").asText().lines()
                .findFirst().orElse("");
    }

    static String fullMessage(JsonNode r) {
        return r == null || r.get("error").isNull() ? "" : r.get("error").get("message").asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
