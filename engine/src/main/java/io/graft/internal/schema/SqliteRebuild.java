package io.graft.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** When SQLite must rebuild a table instead of altering it, and which columns the rebuild copies. */
final class SqliteRebuild {

    private SqliteRebuild() {
    }

    static boolean needed(TablePlan p, SqliteDdl ddl, Schema from) {
        String why = reason(p, ddl, from);
        p.rebuildReason = why;
        return why != null;
    }

    private static String reason(TablePlan p, SqliteDdl ddl, Schema from) {
        if (!p.altered.isEmpty()) {
            return "SQLite cannot alter column " + p.altered.get(0)[1].name();
        }
        if (!p.droppedConstraints.isEmpty() || !p.addedConstraints.isEmpty()) {
            return "SQLite cannot add or drop a constraint";
        }
        if (!p.from.options().equals(p.to.options())) {
            return "SQLite cannot change " + String.join(", ", p.to.options().keySet()).replace('_', ' ')
                    + (p.to.options().isEmpty() ? "the table's options" : "");
        }
        for (Column c : p.added) {
            if (!ddl.canAdd(c)) {
                return "SQLite cannot add column " + c.name() + " with ALTER TABLE";
            }
        }
        for (Column c : p.dropped) {
            for (Constraint k : p.from.constraints()) {
                if (k.columns().contains(c.name()) || TablePlan.mentions(k.expression(), c.name())) {
                    return "SQLite cannot drop column " + c.name() + ", which a constraint uses";
                }
            }
            for (Column g : p.from.columns()) {
                if (TablePlan.mentions(g.generated(), c.name())) {
                    return "SQLite cannot drop column " + c.name() + ", which a generated column uses";
                }
            }
            for (Trigger t : from.triggers()) {
                if (TablePlan.mentions(t.definition(), c.name())) {
                    return "SQLite cannot drop column " + c.name() + ", which trigger " + t.name() + " may use";
                }
            }
            for (Index i : p.from.indexes()) {
                if (!p.droppedIndexes.contains(i) && TablePlan.mentions(i.definition(), c.name())) {
                    return "SQLite cannot drop column " + c.name() + ", which index " + i.name() + " uses";
                }
            }
        }
        return null;
    }

    /** Pairs {old name, new name} of the columns whose values the rebuild copies. */
    static List<String[]> copied(TablePlan p) {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<String, String> e : p.columns.entrySet()) {
            Column target = p.to.column(e.getValue()).orElseThrow();
            Column source = p.from.column(e.getKey()).orElseThrow();
            if (target.generated() == null && source.generated() == null) {
                out.add(new String[] {e.getKey(), e.getValue()});
            }
        }
        return out;
    }
}
