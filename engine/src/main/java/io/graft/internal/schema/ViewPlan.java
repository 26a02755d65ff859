package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which views a diff drops and creates, in which order. A view is dropped when it goes, changes,
 * reads a table whose columns change (or that is renamed, dropped or rebuilt), or reads a view that
 * is dropped; it is created again when it still exists. Drops run dependents first, creates
 * dependencies first. PostgreSQL's catalog says what a view reads; elsewhere a view reads what its
 * text names.
 */
final class ViewPlan {

    final List<View> drop = new ArrayList<>();
    final List<View> create = new ArrayList<>();
    private final DialectId dialect;

    ViewPlan(DialectId dialect, List<View> before, List<View> after, Set<String> touchedTables) {
        this.dialect = dialect;
        Map<String, View> a = new LinkedHashMap<>();
        before.forEach(v -> a.put(v.name(), v));
        Map<String, View> b = new LinkedHashMap<>();
        after.forEach(v -> b.put(v.name(), v));
        Set<String> dropped = new LinkedHashSet<>();
        for (View v : before) {
            View w = b.get(v.name());
            if (w == null || !w.equals(v) || touchedTables.stream().anyMatch(t -> reads(v, t))) {
                dropped.add(v.name());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : before) {
                if (!dropped.contains(v.name()) && dropped.stream().anyMatch(d -> reads(v, d))) {
                    dropped.add(v.name());
                    grew = true;
                }
            }
        }
        List<View> toDrop = new ArrayList<>();
        for (String n : dropped) {
            toDrop.add(a.get(n));
        }
        List<View> ordered = dependenciesFirst(toDrop);
        for (int i = ordered.size() - 1; i >= 0; i--) {
            drop.add(ordered.get(i));
        }
        List<View> toCreate = new ArrayList<>();
        for (View v : after) {
            if (!a.containsKey(v.name()) || dropped.contains(v.name())) {
                toCreate.add(v);
            }
        }
        create.addAll(dependenciesFirst(toCreate));
    }

    private boolean reads(View v, String name) {
        if (v.name().equals(name)) {
            return false;
        }
        if (dialect == DialectId.POSTGRESQL) {
            return v.dependsOn().contains(name);
        }
        return TablePlan.mentions(v.definition(), name);
    }

    private List<View> dependenciesFirst(List<View> views) {
        List<View> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<View> pending = new ArrayList<>(views);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (View v : List.copyOf(pending)) {
                boolean ready = pending.stream().noneMatch(o -> o != v && reads(v, o.name()));
                if (ready) {
                    out.add(v);
                    done.add(v.name());
                    pending.remove(v);
                    progress = true;
                }
            }
            if (!progress) {
                out.addAll(pending); // a cycle the database would refuse anyway
                break;
            }
        }
        return out;
    }
}
