package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one table that exists on both sides changes: the columns matched by name (or by an explicit
 * rename), and the constraints and indexes that go and come. Constraints and indexes are compared
 * through their parts with renamed columns applied, never through the text of a rename's old name.
 */
final class TablePlan {

    final Table from;
    final Table to;
    /** Old column name to new, for every column that survives. */
    final Map<String, String> columns = new LinkedHashMap<>();
    final List<Column> dropped = new ArrayList<>();
    final List<Column> added = new ArrayList<>();
    /** Pairs {old, new} of columns whose definition changes. */
    final List<Column[]> altered = new ArrayList<>();
    final List<Constraint> droppedConstraints = new ArrayList<>();
    final List<Constraint> addedConstraints = new ArrayList<>();
    final List<Index> droppedIndexes = new ArrayList<>();
    final List<Index> addedIndexes = new ArrayList<>();
    boolean rebuild;
    String rebuildReason;

    /** Old column name to new, for every column of {@code from} that survives in {@code to}: by an explicit rename, else by name. */
    static Map<String, String> columnMapping(Table from, Table to, Renames renames) {
        return columnMapping(from, to, renames, byName(to));
    }

    private static Map<String, String> columnMapping(Table from, Table to, Renames renames,
            Map<String, Column> toColumns) {
        Map<String, String> claimed = new LinkedHashMap<>();
        for (Column c : from.columns()) {
            renames.newColumnName(from.name(), to.name(), c.name()).filter(toColumns::containsKey)
                    .ifPresent(n -> claimed.put(c.name(), n));
        }
        java.util.Set<String> claimedNames = new java.util.HashSet<>(claimed.values());
        Map<String, String> out = new LinkedHashMap<>();
        for (Column c : from.columns()) {
            String name = claimed.get(c.name());
            if (name == null && toColumns.containsKey(c.name()) && !claimedNames.contains(c.name())) {
                name = c.name();
            }
            if (name != null) {
                out.put(c.name(), name);
            }
        }
        return out;
    }

    private static Map<String, Column> byName(Table table) {
        Map<String, Column> out = new java.util.HashMap<>();
        for (Column c : table.columns()) {
            out.putIfAbsent(c.name(), c);
        }
        return out;
    }

    TablePlan(DialectId dialect, Table from, Table to, Renames renames, Function<String, String> newTableName,
            Function<String, Map<String, String>> columnRenamesOf) {
        this.from = from;
        this.to = to;
        Map<String, Column> fromColumns = byName(from);
        Map<String, Column> toColumns = byName(to);
        columns.putAll(columnMapping(from, to, renames, toColumns));
        for (Column c : from.columns()) {
            if (!columns.containsKey(c.name())) {
                dropped.add(c);
            }
        }
        java.util.Set<String> kept = new java.util.HashSet<>(columns.values());
        for (Column c : to.columns()) {
            if (!kept.contains(c.name())) {
                added.add(c);
            }
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            Column a = fromColumns.get(e.getKey());
            Column b = toColumns.get(e.getValue());
            if (a.name().equals(b.name()) ? !a.equals(b) : !a.withName(b.name()).equals(b)) {
                altered.add(new Column[] {a, b});
            }
        }
        Map<String, Constraint> before = new LinkedHashMap<>();
        for (Constraint k : from.constraints()) {
            Constraint mapped = renamed(k, newTableName, columnRenamesOf);
            before.put(constraintKey(dialect, mapped), k);
        }
        Map<String, Constraint> after = new LinkedHashMap<>();
        for (Constraint k : to.constraints()) {
            after.put(constraintKey(dialect, k), k);
        }
        before.forEach((key, k) -> {
            if (!after.containsKey(key)) {
                droppedConstraints.add(k);
            }
        });
        after.forEach((key, k) -> {
            if (!before.containsKey(key)) {
                addedConstraints.add(k);
            }
        });
        Map<String, Index> beforeIndexes = new LinkedHashMap<>();
        for (Index i : from.indexes()) {
            beforeIndexes.put(indexKey(dialect, renamed(i)), i);
        }
        Map<String, Index> afterIndexes = new LinkedHashMap<>();
        for (Index i : to.indexes()) {
            afterIndexes.put(indexKey(dialect, i), i);
        }
        beforeIndexes.forEach((key, i) -> {
            if (!afterIndexes.containsKey(key)) {
                droppedIndexes.add(i);
            }
        });
        afterIndexes.forEach((key, i) -> {
            if (!beforeIndexes.containsKey(key)) {
                addedIndexes.add(i);
            }
        });
    }

    boolean renamed() {
        return !from.name().equals(to.name());
    }

    /** Old and new names of the columns renamed. */
    Map<String, String> renamedColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach((a, b) -> {
            if (!a.equals(b)) {
                out.put(a, b);
            }
        });
        return out;
    }

    boolean changesColumns() {
        return !dropped.isEmpty() || !altered.isEmpty() || !renamedColumns().isEmpty();
    }

    boolean isEmpty() {
        return !renamed() && renamedColumns().isEmpty() && dropped.isEmpty() && added.isEmpty() && altered.isEmpty() && droppedConstraints.isEmpty()
                && addedConstraints.isEmpty() && droppedIndexes.isEmpty() && addedIndexes.isEmpty()
                && from.options().equals(to.options()) && Objects.equals(from.comment(), to.comment());
    }

    private String col(String name) {
        return columns.getOrDefault(name, name);
    }

    private Constraint renamed(Constraint k, Function<String, String> newTableName,
            Function<String, Map<String, String>> columnRenamesOf) {
        List<String> cols = k.columns().stream().map(this::col).toList();
        String ref = k.refTable() == null ? null : newTableName.apply(k.refTable());
        List<String> refCols = k.refColumns();
        if (k.refTable() != null) {
            Map<String, String> refRenames = k.refTable().equals(from.name()) ? columns : columnRenamesOf.apply(k.refTable());
            refCols = refCols.stream().map(c -> refRenames.getOrDefault(c, c)).toList();
        }
        return new Constraint(k.name(), k.kind(), cols, ref, refCols, k.onUpdate(), k.onDelete(), k.deferrable(),
                k.expression(), k.definition());
    }

    private Index renamed(Index i) {
        List<Index.Key> keys = i.keys().stream()
                .map(k -> new Index.Key(k.column() == null ? null : col(k.column()), k.expression(), k.length(),
                        k.descending()))
                .toList();
        return new Index(i.name(), i.unique(), keys, i.method(), i.where(), i.include().stream().map(this::col).toList(),
                i.definition());
    }

    /**
     * What must be equal for a constraint to stay: PostgreSQL's text only where it is all there is
     * (checks, exclusions); keys and foreign keys by their parts.
     */
    private static String constraintKey(DialectId dialect, Constraint k) {
        boolean textual = k.kind() == Constraint.Kind.CHECK || k.kind() == Constraint.Kind.EXCLUSION;
        Constraint c = new Constraint(k.name(), k.kind(), k.columns(), k.refTable(), k.refColumns(), k.onUpdate(),
                k.onDelete(), k.deferrable(), k.expression(), textual ? k.definition() : null);
        return SchemaJson.render(c);
    }

    /**
     * What must be equal for an index to stay: its parts, and PostgreSQL's text after the table's
     * name (operator classes, NULLS LAST, ...). SQLite's stored text is not compared: SQLite
     * rewrites it when a table or column is renamed.
     */
    private static String indexKey(DialectId dialect, Index i) {
        String tail = null;
        if (dialect == DialectId.POSTGRESQL && i.definition() != null) {
            int using = i.definition().indexOf(" USING ");
            tail = using < 0 ? i.definition() : i.definition().substring(using);
        }
        return SchemaJson.render(new Index(i.name(), i.unique(), i.keys(), i.method(), i.where(), i.include(), tail));
    }

    /** Whether {@code text} mentions {@code name} as a word (a cheap dependency test where the catalog keeps none). */
    static boolean mentions(String text, String name) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        int at = t.indexOf(n);
        while (at >= 0) {
            boolean start = at == 0 || !SqlText.wordChar(t.charAt(at - 1));
            int end = at + n.length();
            boolean stop = end >= t.length() || !SqlText.wordChar(t.charAt(end));
            if (start && stop) {
                return true;
            }
            at = t.indexOf(n, at + 1);
        }
        return false;
    }
}
