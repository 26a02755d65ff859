package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import io.graft.internal.schema.RoundTripSchemas.Col;
import io.graft.internal.schema.RoundTripSchemas.Family;
import io.graft.internal.schema.RoundTripSchemas.Fk;
import io.graft.internal.schema.RoundTripSchemas.Ix;
import io.graft.internal.schema.RoundTripSchemas.Pair;
import io.graft.internal.schema.RoundTripSchemas.Seq;
import io.graft.internal.schema.RoundTripSchemas.Spec;
import io.graft.internal.schema.RoundTripSchemas.Tbl;
import io.graft.internal.schema.RoundTripSchemas.Vw;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random pairs of schemas (A, B) of one dialect. Both are drawn over the same names (tables
 * {@code t0..t3}, columns {@code c0..c6} with a family per position, views {@code v0, v1},
 * PostgreSQL sequences {@code s0, s1} and enum types {@code e0, e1}); each attribute of B is A's
 * unless a draw changes it, so that A and B share most objects and differ in a few. Shrinking goes
 * towards fewer objects and fewer differences.
 *
 * <p>What is drawn is then made valid, and kept inside what a round trip can prove:
 * <ul>
 * <li>columns on both sides come first, in the same order, and each side's own columns after them:
 *     a diff adds a column at the end of its table and never reorders columns;</li>
 * <li>a column added to a table that keeps its rows is nullable or has a default, and keys
 *     (primary, unique, foreign) of such a table only use columns on both sides, whose rows
 *     have distinct values;</li>
 * <li>a foreign key of a table that keeps its rows references a table that keeps its rows;</li>
 * <li>enum labels never change (PostgreSQL cannot remove one, so no diff takes a label back);</li>
 * <li>each database's own rules: identity and AUTO_INCREMENT columns are keys without defaults,
 *     MySQL keys on text columns are {@code varchar}, MySQL foreign keys join columns of one type,
 *     SQLite's AUTOINCREMENT is an {@code INTEGER PRIMARY KEY} of a rowid table and STRICT tables
 *     use STRICT's types.</li>
 * </ul>
 */
final class RoundTripGenerators {

    private RoundTripGenerators() {
    }

    enum Presence {
        BOTH, A_ONLY, B_ONLY, NONE;

        boolean on(boolean a) {
            return this == BOTH || (a ? this == A_ONLY : this == B_ONLY);
        }
    }

    /** An attribute on side A and side B. */
    record Two<T>(T a, T b) {
        T on(boolean sideA) {
            return sideA ? a : b;
        }
    }

    /** B differs from A in one draw out of four; shrinking makes them equal. */
    static <T> Arbitrary<Two<T>> two(Arbitrary<T> values) {
        return Combinators.combine(values, values, Arbitraries.integers().between(0, 3))
                .as((a, b, k) -> new Two<>(a, k == 3 ? b : a));
    }

    /** {@code rename}: 7 renames the column in B ({@code cN} to {@code cNr}), one draw in eight. */
    record ColSlot(Presence presence, Two<Integer> type, Two<Boolean> notNull, Two<Integer> dflt,
            Two<Integer> identity, Two<Boolean> collation, Two<Integer> comment, int rename) {
    }

    record FkSlot(int column, int ref, int action) {
    }

    record IxSlot(List<Integer> columns, boolean unique, boolean desc, int kind) {
    }

    record TableSlot(Presence presence, List<ColSlot> columns, Two<Integer> pk, Two<List<List<Integer>>> uniques,
            Two<List<Integer>> checks, Two<List<FkSlot>> fks, Two<List<IxSlot>> indexes, Two<Integer> options) {
    }

    record ViewSlot(Presence presence, Two<Integer> table, Two<Integer> columns, Two<Boolean> filtered) {
    }

    record SeqSlot(Presence presence, Two<Integer> increment, Two<Integer> start, Two<Boolean> cycle) {
    }

    record Slots(List<TableSlot> tables, List<ViewSlot> views, List<SeqSlot> sequences, List<Presence> enums) {
    }

    static final int TABLES = 4;

    static Family family(DialectId dialect, int slot) {
        return switch (slot) {
            case 0, 2 -> Family.INT;
            case 1, 4 -> Family.TEXT;
            case 3 -> Family.NUM;
            case 5 -> Family.DATE;
            default -> dialect == DialectId.POSTGRESQL ? Family.ENUM : Family.INT;
        };
    }

    static List<String> types(DialectId dialect, Family f) {
        return switch (dialect) {
            case POSTGRESQL -> switch (f) {
                case INT -> List.of("integer", "bigint", "smallint");
                case TEXT -> List.of("text", "varchar(20)", "varchar(40)");
                case NUM -> List.of("numeric(10,2)", "numeric(12,3)", "double precision");
                case DATE -> List.of("date", "timestamp");
                case ENUM -> List.of("e0", "e1", "text");
            };
            case SQLITE -> switch (f) {
                case INT -> List.of("INTEGER", "INT", "BIGINT");
                case TEXT -> List.of("TEXT", "VARCHAR(20)");
                case NUM -> List.of("REAL", "NUMERIC(10,2)");
                case DATE, ENUM -> List.of("DATE", "TEXT");
            };
            case MYSQL -> switch (f) {
                case INT -> List.of("int", "bigint", "smallint", "int unsigned");
                case TEXT -> List.of("varchar(20)", "varchar(40)", "text");
                case NUM -> List.of("decimal(10,2)", "decimal(12,3)", "double");
                case DATE, ENUM -> List.of("date", "datetime");
            };
        };
    }

    private static List<String> defaults(DialectId dialect, Family f) {
        List<String> out = new ArrayList<>();
        out.add(null);
        switch (f) {
            case INT -> {
                out.add("0");
                out.add("7");
                if (dialect == DialectId.POSTGRESQL) {
                    out.add("nextval('s0')");
                }
            }
            case TEXT -> {
                out.add("'x'");
                out.add("''");
            }
            case NUM -> {
                out.add("0");
                out.add("1.5");
            }
            case DATE -> out.add("'2020-01-01'");
            case ENUM -> out.add("'a'");
        }
        return out;
    }

    private static final List<String> COMMENTS = java.util.Arrays.asList(null, "note", "it's");
    private static final List<String> MYSQL_COLLATIONS = java.util.Arrays.asList(null, "utf8mb4_general_ci",
            "utf8mb4_unicode_ci", "latin1_swedish_ci");
    private static final List<String> ACTIONS = java.util.Arrays.asList(null, "CASCADE", "SET NULL");

    static Arbitrary<Pair> pairs(DialectId dialect) {
        int columns = 7;
        Arbitrary<Presence> columnPresence = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Presence.BOTH)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Presence.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Presence.A_ONLY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Presence.B_ONLY)));
        Arbitrary<Presence> objectPresence = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Presence.BOTH)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Presence.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Presence.A_ONLY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Presence.B_ONLY)));
        Arbitrary<ColSlot> column = Combinators.combine(columnPresence, two(Arbitraries.integers().between(0, 3)),
                two(Arbitraries.of(false, true)), two(Arbitraries.integers().between(0, 3)),
                two(Arbitraries.integers().between(0, 2)), two(Arbitraries.of(false, true)),
                two(Arbitraries.integers().between(0, 2)), Arbitraries.integers().between(0, 7)).as(ColSlot::new);
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, columns - 1);
        Arbitrary<List<List<Integer>>> uniques = slot.list().ofMinSize(1).ofMaxSize(2).list().ofMaxSize(2);
        Arbitrary<List<Integer>> checks = slot.list().ofMaxSize(2);
        Arbitrary<FkSlot> fk = Combinators.combine(Arbitraries.of(2, 6), Arbitraries.integers().between(0, TABLES - 1),
                Arbitraries.integers().between(0, 2)).as(FkSlot::new);
        Arbitrary<IxSlot> index = Combinators.combine(slot.list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(false, true),
                Arbitraries.of(false, true), Arbitraries.integers().between(0, 3)).as(IxSlot::new);
        Arbitrary<TableSlot> table = Combinators.combine(objectPresence, column.list().ofSize(columns),
                two(Arbitraries.integers().between(0, 2)), two(uniques), two(checks), two(fk.list().ofMaxSize(2)),
                two(index.list().ofMaxSize(2)), two(Arbitraries.integers().between(0, 15))).as(TableSlot::new);
        Arbitrary<ViewSlot> view = Combinators.combine(objectPresence, two(Arbitraries.integers().between(0, TABLES - 1)),
                two(Arbitraries.integers().between(1, 3)), two(Arbitraries.of(false, true))).as(ViewSlot::new);
        Arbitrary<SeqSlot> sequence = Combinators.combine(objectPresence, two(Arbitraries.of(1, 2)),
                two(Arbitraries.of(1, 100)), two(Arbitraries.of(false, true))).as(SeqSlot::new);
        Arbitrary<Slots> slots = Combinators.combine(table.list().ofMinSize(1).ofMaxSize(TABLES),
                view.list().ofMaxSize(2), sequence.list().ofMaxSize(2), objectPresence.list().ofSize(2))
                .as(Slots::new);
        return slots.map(s -> {
            List<String> renames = renames(s);
            return new Pair(dialect, spec(dialect, s, true), renamed(spec(dialect, s, false), renames), renames);
        });
    }

    /**
     * The columns B renames, as {@code --rename} takes them ({@code t0.c2=c2r}): columns on both
     * sides of a table on both sides, never {@code c0} (its identity sequence, named after it,
     * keeps its name on PostgreSQL).
     */
    private static List<String> renames(Slots s) {
        List<String> out = new ArrayList<>();
        for (int ti = 0; ti < s.tables().size(); ti++) {
            TableSlot t = s.tables().get(ti);
            for (int ci = 1; ci < t.columns().size(); ci++) {
                ColSlot c = t.columns().get(ci);
                if (t.presence() == Presence.BOTH && c.presence() == Presence.BOTH && c.rename() == 7) {
                    out.add("t" + ti + ".c" + ci + "=c" + ci + "r");
                }
            }
        }
        return out;
    }

    /** {@code spec} with the renamed columns under their new names, wherever they are named. */
    private static Spec renamed(Spec spec, List<String> renames) {
        Map<String, Map<String, String>> byTable = new java.util.HashMap<>();
        for (String r : renames) {
            int dot = r.indexOf('.');
            int eq = r.indexOf('=');
            byTable.computeIfAbsent(r.substring(0, dot), k -> new java.util.HashMap<>())
                    .put(r.substring(dot + 1, eq), r.substring(eq + 1));
        }
        List<Tbl> tables = new ArrayList<>();
        for (Tbl t : spec.tables()) {
            Map<String, String> m = byTable.getOrDefault(t.name(), Map.of());
            java.util.function.UnaryOperator<String> n = c -> m.getOrDefault(c, c);
            java.util.function.Function<List<String>, List<String>> all = l -> l.stream().map(n).toList();
            tables.add(new Tbl(t.name(),
                    t.columns().stream().map(c -> new Col(n.apply(c.name()), c.family(), c.type(), c.notNull(), c.dflt(),
                            c.identity(), c.collation(), c.comment())).toList(),
                    all.apply(t.pk()), t.uniques().stream().map(all).toList(), all.apply(t.checks()),
                    t.fks().stream().map(k -> new Fk(k.name(), n.apply(k.column()), k.refTable(), k.onDelete())).toList(),
                    t.indexes().stream().map(i -> new Ix(i.name(), all.apply(i.columns()), i.unique(), i.desc(), i.kind(),
                            i.prefix())).toList(),
                    t.comment(), t.collation(), t.strict(), t.withoutRowid()));
        }
        List<Vw> views = spec.views().stream().map(v -> new Vw(v.name(), v.table(), v.columns().stream()
                .map(c -> byTable.getOrDefault(v.table(), Map.of()).getOrDefault(c, c)).toList(), v.filtered())).toList();
        return new Spec(tables, views, spec.sequences(), spec.enums());
    }

    /** The schema of one side, made valid. */
    static Spec spec(DialectId dialect, Slots s, boolean sideA) {
        List<String> enums = new ArrayList<>();
        List<Seq> sequences = new ArrayList<>();
        if (dialect == DialectId.POSTGRESQL) {
            for (int i = 0; i < s.enums().size(); i++) {
                if (s.enums().get(i).on(sideA)) {
                    enums.add("e" + i);
                }
            }
            for (int i = 0; i < s.sequences().size(); i++) {
                SeqSlot q = s.sequences().get(i);
                if (q.presence().on(sideA)) {
                    sequences.add(new Seq("s" + i, q.increment().on(sideA), q.start().on(sideA), q.cycle().on(sideA)));
                }
            }
        }
        boolean s0 = sequences.stream().anyMatch(q -> q.name().equals("s0"));
        // First the columns and keys of each table, then the foreign keys between them.
        List<Tbl> tables = new ArrayList<>();
        for (int ti = 0; ti < s.tables().size(); ti++) {
            TableSlot ts = s.tables().get(ti);
            if (!ts.presence().on(sideA)) {
                continue;
            }
            tables.add(table(dialect, "t" + ti, ts, sideA, enums, s0));
        }
        List<Tbl> withKeys = new ArrayList<>();
        for (Tbl t : tables) {
            withKeys.add(foreignKeys(dialect, t, s, tables, sideA));
        }
        List<Vw> views = new ArrayList<>();
        for (int vi = 0; vi < s.views().size(); vi++) {
            ViewSlot v = s.views().get(vi);
            if (!v.presence().on(sideA)) {
                continue;
            }
            String tableName = "t" + v.table().on(sideA);
            withKeys.stream().filter(t -> t.name().equals(tableName)).findFirst().ifPresent(t -> {
                List<String> cols = t.columns().stream().limit(v.columns().on(sideA)).map(Col::name).toList();
                views.add(new Vw("v" + views.size(), t.name(), cols, v.filtered().on(sideA)));
            });
        }
        return new Spec(withKeys, views, sequences, enums);
    }

    private static Tbl table(DialectId dialect, String name, TableSlot ts, boolean sideA, List<String> enums,
            boolean s0) {
        boolean kept = ts.presence() == Presence.BOTH;
        List<String> common = new ArrayList<>();
        List<String> own = new ArrayList<>();
        Map<String, ColSlot> slots = new java.util.HashMap<>();
        for (int ci = 0; ci < ts.columns().size(); ci++) {
            ColSlot c = ts.columns().get(ci);
            Presence p = ci == 0 ? Presence.BOTH : c.presence();
            String cn = "c" + ci;
            slots.put(cn, c);
            if (p == Presence.BOTH) {
                common.add(cn);
            } else if (p.on(sideA)) {
                own.add(cn);
            }
        }
        // Columns whose values are the rows' own (distinct, not null): the only ones keys may use.
        Set<String> keyable = new LinkedHashSet<>(kept ? common : concat(common, own));
        List<String> order = concat(common, own);
        Map<String, Col> cols = new java.util.LinkedHashMap<>();
        for (String cn : order) {
            ColSlot c = slots.get(cn);
            int slot = Integer.parseInt(cn.substring(1));
            Family f = family(dialect, slot);
            List<String> types = types(dialect, f);
            String type = types.get(c.type().on(sideA) % types.size());
            if (f == Family.ENUM && !type.equals("text") && !enums.contains(type)) {
                type = "text";
            }
            List<String> defaults = defaults(dialect, f);
            String dflt = defaults.get(c.dflt().on(sideA) % defaults.size());
            if (dflt != null && dflt.startsWith("nextval") && !s0) {
                dflt = null;
            }
            boolean notNull = c.notNull().on(sideA);
            if (kept && own.contains(cn) && dflt == null) {
                notNull = false; // added to a table with rows
            }
            String collation = null;
            if (f == Family.TEXT && c.collation().on(sideA)) {
                collation = switch (dialect) {
                    case POSTGRESQL -> "C";
                    case SQLITE -> "NOCASE";
                    case MYSQL -> "utf8mb4_bin";
                };
            }
            String comment = dialect == DialectId.SQLITE ? null : COMMENTS.get(c.comment().on(sideA));
            cols.put(cn, new Col(cn, f, type, notNull, dflt, null, collation, comment));
        }
        int pkMode = ts.pk().on(sideA);
        List<String> pk = pkMode == 0 ? List.of() : pkMode == 1 || !keyable.contains("c1") ? List.of("c0")
                : List.of("c0", "c1");
        for (String cn : pk) {
            cols.put(cn, withNotNull(cols.get(cn), true));
        }
        int options = ts.options().on(sideA);
        // identity: PostgreSQL (by default, always), MySQL AUTO_INCREMENT, SQLite AUTOINCREMENT.
        int identity = slots.get("c0").identity().on(sideA);
        Col c0 = cols.get("c0");
        String id = null;
        boolean withoutRowid = dialect == DialectId.SQLITE && (options & 1) != 0 && !pk.isEmpty();
        switch (dialect) {
            case POSTGRESQL -> id = identity == 1 ? "by default" : identity == 2 ? "always" : null;
            case MYSQL -> id = identity > 0 && !pk.isEmpty() ? "auto_increment" : null;
            case SQLITE -> {
                if (identity > 0 && pk.equals(List.of("c0")) && c0.type().equals("INTEGER")) {
                    id = "autoincrement";
                    withoutRowid = false;
                }
            }
        }
        if (id != null) {
            c0 = new Col("c0", c0.family(), c0.type(), true, null, id, null, c0.comment());
            cols.put("c0", c0);
        }
        List<List<String>> uniques = new ArrayList<>();
        for (List<Integer> u : ts.uniques().on(sideA)) {
            List<String> names = u.stream().distinct().map(i -> "c" + i)
                    .filter(n -> keyable.contains(n) && cols.get(n).family() != Family.ENUM).toList();
            if (!names.isEmpty() && !names.equals(pk) && !uniques.contains(names)) {
                uniques.add(names);
            }
        }
        boolean autoIncrement = dialect == DialectId.MYSQL && id != null;
        List<String> checks = ts.checks().on(sideA).stream().distinct().map(i -> "c" + i).filter(cols::containsKey)
                .filter(c -> !(autoIncrement && c.equals("c0"))) // MariaDB refuses a check on AUTO_INCREMENT
                .toList();
        List<Ix> indexes = new ArrayList<>();
        for (IxSlot x : ts.indexes().on(sideA)) {
            List<String> names = x.columns().stream().distinct().map(i -> "c" + i).filter(cols::containsKey).toList();
            if (names.isEmpty()) {
                continue;
            }
            boolean unique = x.unique() && names.stream().allMatch(n -> keyable.contains(n)
                    && cols.get(n).family() != Family.ENUM);
            String kind = switch (x.kind()) {
                case 1 -> "partial";
                case 2 -> "expression";
                default -> "plain";
            };
            Family first = cols.get(names.get(0)).family();
            if (dialect == DialectId.MYSQL || kind.equals("expression") && first != Family.TEXT && first != Family.INT) {
                kind = "plain";
            }
            Integer prefix = dialect == DialectId.MYSQL && x.kind() == 3 ? 5 : null;
            indexes.add(new Ix(name + "_ix" + indexes.size(), names, unique, x.desc(), kind, prefix));
        }
        if (dialect == DialectId.MYSQL) {
            // A key on a TEXT column needs a prefix: such columns are varchar.
            Set<String> keyed = new LinkedHashSet<>(pk);
            uniques.forEach(keyed::addAll);
            indexes.forEach(i -> keyed.addAll(i.columns()));
            for (String cn : keyed) {
                Col c = cols.get(cn);
                if (c.type().equals("text")) {
                    cols.put(cn, withType(c, "varchar(40)"));
                }
            }
        }
        boolean strict = dialect == DialectId.SQLITE && (options & 2) != 0 && cols.values().stream()
                .allMatch(c -> Set.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY").contains(c.type()));
        String comment = dialect == DialectId.SQLITE ? null : COMMENTS.get((options >> 2) % 3);
        String collation = dialect == DialectId.MYSQL ? MYSQL_COLLATIONS.get(options % 4) : null;
        return new Tbl(name, List.copyOf(cols.values()), pk, uniques, checks, List.of(), indexes, comment, collation,
                strict, withoutRowid);
    }

    private static Tbl foreignKeys(DialectId dialect, Tbl t, Slots s, List<Tbl> tables, boolean sideA) {
        TableSlot ts = s.tables().get(Integer.parseInt(t.name().substring(1)));
        boolean kept = ts.presence() == Presence.BOTH;
        List<Fk> fks = new ArrayList<>();
        List<Col> cols = new ArrayList<>(t.columns());
        for (FkSlot f : ts.fks().on(sideA)) {
            String cn = "c" + f.column();
            int at = indexOf(cols, cn);
            if (at < 0 || cols.get(at).family() != Family.INT || fks.stream().anyMatch(k -> k.column().equals(cn))) {
                continue;
            }
            if (kept && ts.columns().get(f.column()).presence() != Presence.BOTH) {
                continue; // an added column holds its default, which no row references
            }
            String refName = "t" + f.ref();
            Tbl ref = refName.equals(t.name()) ? t : tables.stream().filter(x -> x.name().equals(refName)).findFirst()
                    .orElse(null);
            if (ref == null || !ref.pk().equals(List.of("c0"))) {
                continue;
            }
            if (kept && s.tables().size() > f.ref() && s.tables().get(f.ref()).presence() != Presence.BOTH) {
                continue; // the rows of this table would reference rows that the other side does not have
            }
            Col c = cols.get(at);
            String action = ACTIONS.get(f.action());
            if ("SET NULL".equals(action) && c.notNull()) {
                action = null;
            }
            if (dialect == DialectId.MYSQL) {
                c = withType(c, ref.column("c0").orElseThrow().type());
                cols.set(at, c);
            }
            fks.add(new Fk(t.name() + "_fk" + fks.size(), cn, refName, action));
        }
        List<String> checks = t.checks();
        if (dialect == DialectId.MYSQL) {
            // MariaDB refuses a check on a column that a foreign key's action changes.
            checks = checks.stream().filter(c -> fks.stream().noneMatch(k -> k.column().equals(c) && k.onDelete() != null))
                    .toList();
        }
        return new Tbl(t.name(), cols, t.pk(), t.uniques(), checks, fks, t.indexes(), t.comment(), t.collation(),
                t.strict(), t.withoutRowid());
    }

    private static int indexOf(List<Col> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Col withNotNull(Col c, boolean notNull) {
        return new Col(c.name(), c.family(), c.type(), notNull, c.dflt(), c.identity(), c.collation(), c.comment());
    }

    private static Col withType(Col c, String type) {
        return new Col(c.name(), c.family(), type, c.notNull(), c.dflt(), c.identity(), c.collation(), c.comment());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
