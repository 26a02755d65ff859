package io.graft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.graft.bench.ChaosTarget.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@link FleetChaos} requires of run 2, the run that resumes the killed one under the other
 * faults: that it picks up exactly the rest, and that its JSON report names every fault and no
 * failure that no fault explains.
 *
 * @param restarts the servers were restarted (else, when {@code cut}, the fleet's sessions were ended)
 * @param cut the connections of PostgreSQL and MariaDB targets were cut during the run
 */
record ChaosReportChecks(List<ChaosTarget> tenants, int revisions, Map<Engine, ChaosTarget> locked,
        ChaosTarget failing, int failingRevision, boolean restarts, boolean cut) {

    /** Run 2 applies on each target exactly what run 1 had not (a target it reports as failed: nothing beyond). */
    List<FleetChaos.Check> resumedAfterKill(ChaosRun second, Map<String, ChaosHistory> afterKill) {
        if (second.report() == null) {
            return List.of(new FleetChaos.Check("run 2 reported", false, "no JSON report; exit " + second.exitCode()));
        }
        Map<String, JsonNode> byName = second.byName();
        List<String> wrong = new ArrayList<>();
        int untouched = 0;
        for (ChaosTarget t : tenants) {
            JsonNode r = byName.get(t.name());
            ChaosHistory h = afterKill.get(t.name());
            if (r == null) {
                wrong.add(t.name() + " missing from the report");
                continue;
            }
            List<String> before = ChaosRun.strings(r.get("before"));
            List<String> applied = ChaosRun.strings(r.get("applied"));
            // before: the heads the run read; the changelog is linear, so the last applied.
            List<String> head = h.applied().isEmpty() ? List.of() : List.of(h.applied().get(h.applied().size() - 1));
            if (!before.equals(head)) {
                wrong.add(t.name() + ": before " + before + ", history after the kill " + h.applied());
            }
            Set<String> overlap = new TreeSet<>(applied);
            overlap.retainAll(h.applied());
            if (!overlap.isEmpty()) {
                wrong.add(t.name() + ": applied again " + overlap);
            }
            if (h.applied().size() == revisions) {
                untouched++;
                if (!applied.isEmpty() || !"succeeded".equals(r.get("outcome").asText())) {
                    wrong.add(t.name() + ": at head after the kill, yet " + r.get("outcome").asText() + " " + applied);
                }
            } else if ("succeeded".equals(r.get("outcome").asText())) {
                List<String> missing = FleetChaos.revisionIds(revisions).stream()
                        .filter(id -> !h.applied().contains(id)).toList();
                if (!applied.equals(missing)) {
                    wrong.add(t.name() + ": applied " + applied + ", missing were " + missing);
                }
            }
        }
        return List.of(new FleetChaos.Check("run 2 picks up exactly the rest of the killed run 1", wrong.isEmpty(),
                wrong.isEmpty() ? untouched + " targets at head after the kill left alone; the others applied exactly"
                        + " what was missing" : String.join("; ", wrong)));
    }

    /** Every fault of run 2 is in its report, and every failure in it is a fault injected. */
    List<FleetChaos.Check> faultsNamed(ChaosRun second, Map<String, ChaosHistory> afterKill) {
        List<FleetChaos.Check> checks = new ArrayList<>();
        if (second.report() == null) {
            return checks;
        }
        Map<String, JsonNode> byName = second.byName();
        for (ChaosTarget t : locked.values()) {
            JsonNode r = byName.get(t.name());
            String fault = ChaosRun.fault(r);
            checks.add(new FleetChaos.Check("run 2 reports " + t.engine().shown + " tenant " + t.name() + " locked",
                    "locked".equals(fault) && r.get("applied").isEmpty(), fault + ": " + ChaosRun.message(r)));
        }
        JsonNode f = byName.get(failing.name());
        JsonNode error = f == null ? null : f.get("error");
        String expectedFile = "sql/" + Shapes.revisionId(failingRevision) + ".up.sql";
        checks.add(new FleetChaos.Check("run 2 reports " + failing.name() + " revision_failed at " + expectedFile
                + ":1:1",
                error != null && !error.isNull() && "revision_failed".equals(error.get("fault").asText())
                        && Shapes.revisionId(failingRevision).equals(error.get("revision").asText())
                        && error.get("file").asText().endsWith(expectedFile) && error.get("line").asInt() == 1
                        && ChaosRun.strings(f.get("after")).equals(List.of(Shapes.revisionId(failingRevision - 1))),
                ChaosRun.fault(f) + ": " + ChaosRun.message(f)));
        // A target left with a revision running by the kill (MariaDB DDL) is reported as such.
        for (ChaosTarget t : tenants) {
            ChaosHistory h = afterKill.get(t.name());
            if (!h.running().isEmpty()) {
                JsonNode r = byName.get(t.name());
                checks.add(new FleetChaos.Check("run 2 reports " + t.name() + " (revision " + h.running()
                        + " left running by the kill) as drift", "drift".equals(ChaosRun.fault(r))
                        && ChaosRun.fullMessage(r).contains(h.running().get(0)),
                        ChaosRun.fault(r) + ": " + ChaosRun.fullMessage(r).replace("\n", " ")));
            }
        }
        // Every other failure is one of a restarted engine, with a fault a restart explains.
        Map<Engine, List<String>> hit = new LinkedHashMap<>();
        Map<Engine, Map<String, String>> examples = new LinkedHashMap<>();
        List<String> unexplained = new ArrayList<>();
        for (ChaosTarget t : tenants) {
            JsonNode r = byName.get(t.name());
            if (r == null || "succeeded".equals(r.get("outcome").asText()) || locked.containsValue(t) || t == failing
                    || !afterKill.get(t.name()).running().isEmpty() || FleetChaos.halfCreated(r)) {
                continue;
            }
            String fault = ChaosRun.fault(r);
            String msg = ChaosRun.message(r);
            boolean restartFault = cut && t.engine() != Engine.SQLITE
                    && Set.of("unreachable", "connection_lost", "revision_failed", "error", "interrupted")
                            .contains(fault)
                    && !msg.matches("(?s).*target " + t.name() + ": [A-Z][A-Za-z]*Exception.*");
            if (restartFault) {
                hit.computeIfAbsent(t.engine(), e -> new ArrayList<>()).add(t.name() + " " + fault);
                examples.computeIfAbsent(t.engine(), e -> new TreeMap<>()).putIfAbsent(fault, t.name() + ": " + msg);
            } else {
                unexplained.add(t.name() + " " + r.get("outcome").asText() + " " + fault + ": " + msg);
            }
        }
        if (cut) {
            for (Engine e : List.of(Engine.POSTGRESQL, Engine.MARIADB)) {
                List<String> names = hit.getOrDefault(e, List.of());
                Map<String, Long> counts = names.stream().collect(Collectors.groupingBy(
                        s -> s.substring(s.indexOf(' ') + 1), TreeMap::new, Collectors.counting()));
                checks.add(new FleetChaos.Check("run 2 reports the " + e.shown
                        + (restarts ? " restart" : " sessions ended") + " on the targets it hit",
                        !names.isEmpty(), names.size() + " targets failed: " + counts + "; e.g. "
                        + examples.getOrDefault(e, Map.of()).entrySet().stream()
                                .map(x -> x.getKey() + " (" + x.getValue() + ")").collect(Collectors.joining("; "))));
            }
        }
        checks.add(new FleetChaos.Check("run 2 reports no failure that no fault explains (no stray exception)",
                unexplained.isEmpty(), unexplained.isEmpty() ? "none" : String.join("; ", unexplained)));
        return checks;
    }
}
