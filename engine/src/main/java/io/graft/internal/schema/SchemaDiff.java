package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import io.graft.internal.schema.Change.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The changes that turn one schema into another, in an order the database accepts: what depends
 * on an object is dropped before it and created after it. Dropping: triggers, views (dependents
 * first), routines, foreign keys, other constraints and indexes, tables. Then creating: extensions,
 * types, sequences, renames, altered tables, new tables, keys and indexes, foreign keys, routines,
 * views (dependencies first), triggers. Types and sequences that are gone are dropped once no
 * column uses them.
 *
 * <p>Renames happen only where {@link Renames} says so. Objects the model does not describe
 * ({@link UnknownObject}) are never created or dropped: a difference in them is an
 * {@link Kind#UNSUPPORTED} change with no statement.
 */
public final class SchemaDiff {

    private final Schema from;
    private final Schema to;
    private final Renames renames;
    private final Ddl ddl;
    private final DialectId dialect;
    private final List<Change> changes = new ArrayList<>();

    private SchemaDiff(Schema from, Schema to, Renames renames) {
        if (from.dialect() != to.dialect()) {
            throw new IllegalArgumentException("cannot compare a " + from.dialect().key() + " schema with a "
                    + to.dialect().key() + " one");
        }
        this.from = from;
        this.to = to;
        this.renames = renames;
        this.dialect = from.dialect();
        Ddl spelling = Ddl.of(dialect);
        if (spelling instanceof PostgresDdl postgres) {
            postgres.withEnums(from.enums().stream().map(e -> postgres.quote(e.name()))
                    .collect(java.util.stream.Collectors.toSet()));
        }
        this.ddl = spelling;
    }

    /** The changes from {@code from} to {@code to}, in the order they must run. */
    public static List<Change> compare(Schema from, Schema to, Renames renames) {
        return new SchemaDiff(from, to, renames).run();
    }

    public static List<Change> compare(Schema from, Schema to) {
        return compare(from, to, Renames.none());
    }

    /**
     * A constraint dropped for good (the target table has none of its kind by its name or on its
     * columns) drops a guarantee the data relied on: marked DESTRUCTIVE. One dropped to be added
     * again changed, was renamed with its table, or makes way for a change, and is not.
     */
    private static boolean removed(TablePlan p, Constraint k) {
        List<String> columns = k.columns().stream().map(c -> p.columns.getOrDefault(c, c)).toList();
        return p.to.constraints().stream().noneMatch(c -> c.kind() == k.kind()
                && (java.util.Objects.equals(c.name(), k.name()) || !c.columns().isEmpty()
                        && c.columns().equals(columns)));
    }

    private void add(Kind kind, String subject, boolean destructive, String statement) {
        changes.add(Change.of(kind, subject, destructive, statement));
    }

    private void addEach(Kind kind, String subject, boolean destructive, List<String> statements) {
        for (String s : statements) {
            add(kind, subject, destructive, s);
        }
    }

    private List<Change> run() {
        // Tables: matched by name or by an explicit rename.
        Map<String, Table> fromTables = new LinkedHashMap<>();
        from.tables().forEach(t -> fromTables.put(t.name(), t));
        Map<String, String> tableNewName = new HashMap<>();
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        List<Table> created = new ArrayList<>();
        Set<String> matchedFrom = new LinkedHashSet<>();
        for (Table t : to.tables()) {
            String old = renames.oldTableName(t.name()).filter(fromTables::containsKey).orElse(t.name());
            if (fromTables.containsKey(old) && !matchedFrom.contains(old)) {
                matchedFrom.add(old);
                tableNewName.put(old, t.name());
            } else {
                created.add(t);
            }
        }
        List<Table> droppedTables = from.tables().stream().filter(t -> !matchedFrom.contains(t.name())).toList();
        Function<String, String> newName = n -> tableNewName.getOrDefault(n, n);
        Map<String, Map<String, String>> columnRenames = new HashMap<>();
        List<TablePlan> unsupported = new ArrayList<>();
        Map<String, Table> toTables = new HashMap<>();
        to.tables().forEach(t -> toTables.put(t.name(), t));
        // Without renames a constraint's columns keep their names, and an unchanged table has no plan:
        // most tables of a large schema are skipped by one equals (issue 14: 1,000 tables in 0.2 s).
        boolean noRenames = renames.isEmpty();
        if (!noRenames) {
            for (String old : matchedFrom) {
                columnRenames.put(old, TablePlan.columnMapping(fromTables.get(old),
                        toTables.get(tableNewName.get(old)), renames));
            }
        }
        for (String old : matchedFrom) {
            Table a = fromTables.get(old);
            Table b = toTables.get(tableNewName.get(old));
            if (noRenames && a.equals(b)) {
                continue;
            }
            TablePlan plan = new TablePlan(dialect, a, b, renames, newName,
                    n -> columnRenames.getOrDefault(n, Map.of()));
            if (plan.isEmpty()) {
                continue;
            }
            String why = ddl.cannotAlter(a, b);
            if (why != null) {
                unsupported.add(plan);
                plan.rebuildReason = why;
                continue;
            }
            if (dialect == DialectId.SQLITE) {
                plan.rebuild = SqliteRebuild.needed(plan, (SqliteDdl) ddl, from);
            }
            plans.put(old, plan);
        }

        if (ddl.foreignKeysPinTheirColumns()) {
            foreignKeysAroundChanges(plans);
        }

        // What must be dropped and created again because something under it changes.
        Set<String> touched = new LinkedHashSet<>();
        droppedTables.forEach(t -> touched.add(t.name()));
        plans.values().forEach(p -> {
            if (p.rebuild || p.renamed() || p.changesColumns()) {
                touched.add(p.from.name());
            }
        });
        ViewPlan views = new ViewPlan(dialect, from.views(), to.views(), touched);
        Map<String, Trigger> fromTriggers = byKey(from.triggers(), t -> t.table() + "." + t.name());
        Map<String, Trigger> toTriggers = byKey(to.triggers(), t -> newName.apply(t.table()) + "." + t.name());
        List<Trigger> dropTriggers = new ArrayList<>();
        List<Trigger> createTriggers = new ArrayList<>();
        fromTriggers.forEach((key, t) -> {
            String newKey = newName.apply(t.table()) + "." + t.name();
            Trigger b = to.triggers().stream().filter(x -> (x.table() + "." + x.name()).equals(newKey)).findFirst()
                    .orElse(null);
            TablePlan plan = plans.get(t.table());
            boolean recreate = plan != null && plan.rebuild;
            if (b == null || !b.definition().equals(t.definition()) || recreate) {
                dropTriggers.add(t);
            }
        });
        for (Trigger t : to.triggers()) {
            Trigger a = from.triggers().stream()
                    .filter(x -> (newName.apply(x.table()) + "." + x.name()).equals(t.table() + "." + t.name()))
                    .findFirst().orElse(null);
            if (a == null || dropTriggers.contains(a)) {
                createTriggers.add(t);
            }
        }

        // 1-3: triggers, views, routines that go or change.
        for (Trigger t : dropTriggers) {
            add(Kind.DROP_TRIGGER, t.table() + "." + t.name(), false, ddl.dropTrigger(t));
        }
        for (View v : views.drop) {
            add(Kind.DROP_VIEW, v.name(), false, ddl.dropView(v));
        }
        Map<String, Routine> fromRoutines = byKey(from.routines(), Routine::identity);
        Map<String, Routine> toRoutines = byKey(to.routines(), Routine::identity);
        fromRoutines.forEach((id, r) -> {
            Routine b = toRoutines.get(id);
            if (b == null || (dialect == DialectId.MYSQL && !b.definition().equals(r.definition()))) {
                add(Kind.DROP_ROUTINE, id, false, ddl.dropRoutine(r));
            }
        });

        // 4-5: foreign keys, then other constraints and indexes, on tables that stay.
        for (TablePlan p : plans.values()) {
            if (p.rebuild) {
                continue;
            }
            for (Constraint k : p.droppedConstraints) {
                if (k.kind() == Constraint.Kind.FOREIGN_KEY) {
                    add(Kind.DROP_CONSTRAINT, p.from.name() + "." + k.name(), removed(p, k),
                            ddl.dropConstraint(p.from, k));
                }
            }
        }
        for (Table t : droppedTables) {
            for (Constraint k : t.constraints()) {
                // Its foreign key goes first when what it references goes or changes too: a key that
                // a foreign key uses cannot be dropped before it.
                if (k.kind() == Constraint.Kind.FOREIGN_KEY && !ddl.foreignKeysInline() && !k.refTable().equals(t.name())
                        && (droppedTables.stream().anyMatch(d -> d.name().equals(k.refTable()))
                                || plans.containsKey(k.refTable()))) {
                    add(Kind.DROP_CONSTRAINT, t.name() + "." + k.name(), false, ddl.dropConstraint(t, k));
                }
            }
        }
        Set<String> released = new LinkedHashSet<>();
        if (ddl.identityNeedsKey()) {
            for (TablePlan p : plans.values()) {
                for (Column c : p.from.columns()) {
                    if (!p.rebuild && c.identity() != null && losesKey(p, c.name())) {
                        released.add(p.from.name() + "." + c.name());
                        addEach(Kind.ALTER_COLUMN, p.from.name() + "." + c.name(), false,
                                ddl.alterColumn(p.from, c, withoutIdentity(c)));
                    }
                }
            }
        }
        for (TablePlan p : plans.values()) {
            if (p.rebuild) {
                continue;
            }
            for (Index i : p.droppedIndexes) {
                add(Kind.DROP_INDEX, p.from.name() + "." + i.name(), false, ddl.dropIndex(p.from.name(), i));
            }
            for (Constraint k : p.droppedConstraints) {
                if (k.kind() != Constraint.Kind.FOREIGN_KEY) {
                    add(Kind.DROP_CONSTRAINT, p.from.name() + "." + name(k), removed(p, k),
                            ddl.dropConstraint(p.from, k));
                }
            }
        }

        // 6: tables that go.
        Set<String> droppedNames = new LinkedHashSet<>();
        droppedTables.forEach(t -> droppedNames.add(t.name()));
        for (Table t : droppedTables) {
            if (!droppedNames.contains(t.option("partition_of"))) { // a partition goes with its table
                add(Kind.DROP_TABLE, t.name(), true, ddl.dropTable(t));
            }
        }

        // 7: extensions, types, sequences.
        for (Extension e : to.extensions()) {
            if (!from.extensions().contains(e)) {
                add(Kind.CREATE_EXTENSION, e.name(), false, ddl.createExtension(e));
            }
        }
        Map<String, EnumType> fromEnums = byKey(from.enums(), EnumType::name);
        for (EnumType e : to.enums()) {
            EnumType a = fromEnums.get(e.name());
            if (a == null) {
                add(Kind.CREATE_ENUM, e.name(), false, ddl.createEnum(e));
            } else if (!a.labels().equals(e.labels())) {
                enumValues(a, e);
            }
        }
        Map<String, DomainType> fromDomains = byKey(from.domains(), DomainType::name);
        for (DomainType d : to.domains()) {
            DomainType a = fromDomains.get(d.name());
            if (a == null) {
                add(Kind.CREATE_DOMAIN, d.name(), false, ddl.createDomain(d));
            } else if (!a.equals(d)) {
                if (!a.baseType().equals(d.baseType()) || !Objects.equals(a.collation(), d.collation())
                        || !d.checks().containsAll(a.checks())) {
                    changes.add(new Change(Kind.UNSUPPORTED, d.name(), false,
                            "a domain's base type, collation or removed checks: alter the domain by hand", List.of()));
                } else {
                    addEach(Kind.ALTER_DOMAIN, d.name(), false, ddl.alterDomain(a, d));
                }
            }
        }
        Map<String, Sequence> fromSequences = byKey(from.sequences(), Sequence::name);
        for (Sequence s : to.sequences()) {
            Sequence a = fromSequences.get(s.name());
            Sequence unowned = new Sequence(s.name(), s.type(), s.start(), s.increment(), s.min(), s.max(), s.cache(),
                    s.cycle(), null);
            if (a == null) {
                add(Kind.CREATE_SEQUENCE, s.name(), false, ddl.createSequence(unowned));
            } else if (!unowned.equals(new Sequence(a.name(), a.type(), a.start(), a.increment(), a.min(), a.max(),
                    a.cache(), a.cycle(), null))) {
                add(Kind.ALTER_SEQUENCE, s.name(), false, ddl.alterSequence(unowned, false));
            }
        }

        // 8: renames.
        for (TablePlan p : plans.values()) {
            if (p.renamed() && !p.rebuild) {
                add(Kind.RENAME_TABLE, p.from.name() + " to " + p.to.name(), false,
                        ddl.renameTable(p.from.name(), p.to.name()));
            }
        }
        for (TablePlan p : plans.values()) {
            if (!p.rebuild) {
                p.renamedColumns().forEach((a, b) -> add(Kind.RENAME_COLUMN, p.to.name() + "." + a + " to " + b, false,
                        ddl.renameColumn(p.to, a, b)));
            }
        }

        // 9: the tables that stay, altered or rebuilt.
        List<TablePlan> tablesInOrder = referencedFirst(plans.values());
        DeferredChecks deferredChecks = deferredChecks(tablesInOrder);
        for (TablePlan p : tablesInOrder) {
            if (p.rebuild) {
                boolean loses = !p.dropped.isEmpty() || p.altered.stream().anyMatch(c -> !c[0].type().equals(c[1].type()));
                List<String> statements = new ArrayList<>(ddl.rebuild(p.from, p.to, SqliteRebuild.copied(p)));
                if (deferredChecks.moved().contains(p.to.name())) {
                    statements.remove(statements.size() - 1); // its check waits for a table it references
                }
                statements.addAll(deferredChecks.after().getOrDefault(p.to.name(), List.of()));
                changes.add(new Change(Kind.REBUILD_TABLE, p.to.name(), loses, p.rebuildReason, statements));
                continue;
            }
            List<String> existing = new ArrayList<>(p.columns.values());
            addEach(Kind.ALTER_TABLE, p.to.name(), false, ddl.alterTable(p.from, p.to, existing));
            // PostgreSQL computes a generated column again rather than alter it, and alters no
            // column that one reads: such generated columns are dropped first and added last.
            List<Column> regenerated = new ArrayList<>();
            if (dialect == DialectId.POSTGRESQL) {
                for (Column[] pair : p.altered) {
                    if (!Objects.equals(pair[0].generated(), pair[1].generated())) {
                        regenerated.add(pair[1]);
                    }
                }
                for (Column c : p.to.columns()) {
                    if (c.generated() != null && !regenerated.contains(c) && p.altered.stream()
                            .anyMatch(pair -> TablePlan.mentions(c.generated(), pair[1].name())
                                    && !pair[0].type().equals(pair[1].type()))) {
                        regenerated.add(c);
                    }
                }
                for (Column c : regenerated) {
                    String old = p.columns.entrySet().stream().filter(e -> e.getValue().equals(c.name()))
                            .map(java.util.Map.Entry::getKey).findFirst().orElse(c.name());
                    add(Kind.DROP_COLUMN, p.to.name() + "." + c.name(), false,
                            ddl.dropColumn(p.to, p.from.column(old).orElseThrow().withName(c.name())));
                }
            }
            for (Column c : p.dropped) {
                add(Kind.DROP_COLUMN, p.to.name() + "." + c.name(), c.generated() == null, ddl.dropColumn(p.to, c));
            }
            for (Column[] pair : p.altered) {
                if (regenerated.contains(pair[1])) {
                    continue;
                }
                boolean narrowing = !Objects.equals(pair[0].type(), pair[1].type())
                        && !Types.widens(pair[0].type(), pair[1].type());
                Column source = released.contains(p.from.name() + "." + pair[0].name()) ? withoutIdentity(pair[0])
                        : pair[0];
                Column target = identityWaits(p, source, pair[1]) ? withoutIdentity(pair[1]) : pair[1];
                if (source.withName(target.name()).equals(target)) {
                    continue;
                }
                for (String statement : ddl.alterColumn(p.to, source, target)) {
                    boolean retypes = dialect != DialectId.POSTGRESQL || statement.contains(" TYPE ");
                    add(statement.startsWith("COMMENT ON") ? Kind.COMMENT : Kind.ALTER_COLUMN,
                            p.to.name() + "." + pair[1].name(), narrowing && retypes, statement);
                }
            }
            List<Column> added = new ArrayList<>(p.added);
            added.addAll(regenerated);
            for (Column c : added) {
                add(Kind.ADD_COLUMN, p.to.name() + "." + c.name(), false, ddl.addColumn(p.to, c));
                addEach(Kind.COMMENT, p.to.name() + "." + c.name(), false, ddl.comments(p.to, c));
            }
        }
        for (TablePlan p : unsupported) {
            changes.add(new Change(Kind.UNSUPPORTED, p.to.name(), false, p.rebuildReason + ": change it by hand",
                    List.of()));
        }

        // 10: new tables (partitions after their parent), their comments.
        List<Table> ordered = new ArrayList<>(created);
        ordered.sort((x, y) -> Boolean.compare(x.option("partition_of") != null, y.option("partition_of") != null));
        for (Table t : ordered) {
            add(Kind.CREATE_TABLE, t.name(), false, ddl.createTable(t));
            addEach(Kind.COMMENT, t.name(), false, ddl.comments(t));
        }

        // 11: sequence owners.
        for (Sequence s : to.sequences()) {
            Sequence a = fromSequences.get(s.name());
            if (a == null ? s.ownedBy() != null : !Objects.equals(ownerAfterRenames(a.ownedBy(), newName,
                    columnRenames), s.ownedBy())) {
                add(Kind.ALTER_SEQUENCE, s.name(), false, ddl.alterSequence(s, true));
            }
        }

        // 12-13: keys and indexes, then foreign keys.
        for (Table t : ordered) {
            for (Index i : t.indexes()) {
                add(Kind.CREATE_INDEX, t.name() + "." + i.name(), false, ddl.createIndex(t, i));
            }
        }
        for (TablePlan p : plans.values()) {
            if (p.rebuild) {
                continue;
            }
            for (Constraint k : p.addedConstraints) {
                if (k.kind() != Constraint.Kind.FOREIGN_KEY) {
                    add(Kind.ADD_CONSTRAINT, p.to.name() + "." + name(k), false, ddl.addConstraint(p.to, k));
                }
            }
            for (Index i : p.addedIndexes) {
                add(Kind.CREATE_INDEX, p.to.name() + "." + i.name(), false, ddl.createIndex(p.to, i));
            }
        }
        for (TablePlan p : plans.values()) {
            p.columns.forEach((old, now) -> {
                Column a = p.from.column(old).orElseThrow();
                Column b = p.to.column(now).orElseThrow();
                Column source = released.contains(p.from.name() + "." + old) ? withoutIdentity(a) : a;
                if (!p.rebuild && identityWaits(p, source, b)) {
                    addEach(Kind.ALTER_COLUMN, p.to.name() + "." + now, false,
                            ddl.alterColumn(p.to, withoutIdentity(b), b));
                }
            });
        }
        if (!ddl.foreignKeysInline()) {
            for (Table t : ordered) {
                for (Constraint k : t.constraints()) {
                    if (k.kind() == Constraint.Kind.FOREIGN_KEY) {
                        add(Kind.ADD_CONSTRAINT, t.name() + "." + name(k), false, ddl.addConstraint(t, k));
                    }
                }
            }
            for (TablePlan p : plans.values()) {
                for (Constraint k : p.addedConstraints) {
                    if (k.kind() == Constraint.Kind.FOREIGN_KEY) {
                        add(Kind.ADD_CONSTRAINT, p.to.name() + "." + name(k), false, ddl.addConstraint(p.to, k));
                    }
                }
            }
        }

        // 14: sequences, types and extensions that go, now that no column uses them.
        for (Sequence s : from.sequences()) {
            if (to.sequences().stream().noneMatch(x -> x.name().equals(s.name())) && !ownerGone(s, droppedNames, plans)) {
                add(Kind.DROP_SEQUENCE, s.name(), true, ddl.dropSequence(s));
            }
        }
        for (DomainType d : from.domains()) {
            if (to.domains().stream().noneMatch(x -> x.name().equals(d.name()))) {
                add(Kind.DROP_DOMAIN, d.name(), false, ddl.dropType(d.name()).replace("DROP TYPE", "DROP DOMAIN"));
            }
        }
        for (EnumType e : from.enums()) {
            if (to.enums().stream().noneMatch(x -> x.name().equals(e.name()))) {
                add(Kind.DROP_ENUM, e.name(), false, ddl.dropType(e.name()));
            }
        }
        for (Extension e : from.extensions()) {
            if (!to.extensions().contains(e)) {
                add(Kind.DROP_EXTENSION, e.name(), false, ddl.dropExtension(e));
            }
        }

        // 15-17: routines, views, triggers.
        toRoutines.forEach((id, r) -> {
            Routine a = fromRoutines.get(id);
            if (a == null || dialect == DialectId.MYSQL && !a.definition().equals(r.definition())) {
                add(Kind.CREATE_ROUTINE, id, false, ddl.createRoutine(r));
            } else if (!a.definition().equals(r.definition())) {
                add(Kind.REPLACE_ROUTINE, id, false, ddl.createRoutine(r));
            }
        });
        for (View v : views.create) {
            add(Kind.CREATE_VIEW, v.name(), false, ddl.createView(v).get(0));
            for (Index i : v.indexes()) {
                add(Kind.CREATE_INDEX, v.name() + "." + i.name(), false, i.definition());
            }
            if (v.comment() != null) {
                add(Kind.COMMENT, v.name(), false, "COMMENT ON " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                        + ddl.quote(v.name()) + " IS " + ddl.literal(v.comment()));
            }
        }
        for (Trigger t : createTriggers) {
            add(Kind.CREATE_TRIGGER, t.table() + "." + t.name(), false, ddl.createTrigger(t));
        }

        unknownObjects();
        return List.copyOf(changes);
    }

    /**
     * The foreign keys that use a column whose type changes (on either end), or whose columns lead
     * an index that goes (the index the database may have picked for it), dropped before the change
     * and added again after, where the database will not make the change under a foreign key.
     */
    private static void foreignKeysAroundChanges(Map<String, TablePlan> plans) {
        Set<String> retyped = new LinkedHashSet<>();
        plans.values().forEach(p -> p.altered.stream().filter(pair -> !pair[0].type().equals(pair[1].type()))
                .forEach(pair -> retyped.add(p.from.name() + "." + pair[0].name())));
        for (TablePlan p : plans.values()) {
            for (Constraint k : p.from.constraints()) {
                if (k.kind() != Constraint.Kind.FOREIGN_KEY || p.droppedConstraints.contains(k)) {
                    continue;
                }
                boolean uses = k.columns().stream().anyMatch(c -> retyped.contains(p.from.name() + "." + c))
                        || k.refColumns().stream().anyMatch(c -> retyped.contains(k.refTable() + "." + c))
                        || p.droppedIndexes.stream().anyMatch(i -> leads(i, k.columns()));
                if (!uses) {
                    continue;
                }
                p.droppedConstraints.add(k);
                p.to.constraints().stream()
                        .filter(b -> b.kind() == Constraint.Kind.FOREIGN_KEY && Objects.equals(b.name(), k.name()))
                        .filter(b -> !p.addedConstraints.contains(b)).findFirst().ifPresent(p.addedConstraints::add);
            }
        }
    }

    /** Whether every key that {@code column} leads goes (an identity column must lead one, see {@link Ddl#identityNeedsKey}). */
    private static boolean losesKey(TablePlan p, String column) {
        boolean leadsDropped = p.droppedIndexes.stream().anyMatch(i -> leads(i, List.of(column)))
                || p.droppedConstraints.stream().anyMatch(k -> !k.columns().isEmpty() && k.columns().get(0).equals(column));
        return leadsDropped && !keepsKey(p, column);
    }

    /** Whether a key or index that {@code column} leads stays. */
    private static boolean keepsKey(TablePlan p, String column) {
        return p.from.constraints().stream().anyMatch(k -> !p.droppedConstraints.contains(k)
                && (k.kind() == Constraint.Kind.PRIMARY_KEY || k.kind() == Constraint.Kind.UNIQUE)
                && !k.columns().isEmpty() && k.columns().get(0).equals(column))
                || p.from.indexes().stream().anyMatch(i -> !p.droppedIndexes.contains(i) && leads(i, List.of(column)));
    }

    /**
     * Whether {@code to} becomes an identity column only after its key is added (see
     * {@link Ddl#identityNeedsKey}): it is not one now, and no key that it leads stays.
     */
    private boolean identityWaits(TablePlan p, Column from, Column to) {
        return ddl.identityNeedsKey() && to.identity() != null && from.identity() == null && !keepsKey(p, from.name());
    }

    private static Column withoutIdentity(Column c) {
        return new Column(c.name(), c.type(), c.notNull(), c.defaultValue(), null, c.generated(), c.generatedKind(),
                c.collation(), c.onUpdate(), c.comment());
    }

    /** Whether {@code columns} are the first keys of {@code index}, so that a foreign key on them can use it. */
    private static boolean leads(Index index, List<String> columns) {
        if (index.keys().size() < columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).equals(index.keys().get(i).column())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rebuilt tables after the rebuilt tables their foreign keys reference: a rebuild ends with
     * {@code PRAGMA foreign_key_check}, which fails on a reference to a table whose key is not
     * there yet.
     */
    private static List<TablePlan> referencedFirst(java.util.Collection<TablePlan> plans) {
        List<TablePlan> pending = new ArrayList<>(plans);
        List<TablePlan> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            TablePlan next = pending.stream()
                    .filter(p -> !p.rebuild || referencesToRebuild(p, pending).findAny().isEmpty())
                    .findFirst()
                    // A cycle: first a table whose references already find their keys in the tables
                    // as they are now (its check passes before they are rebuilt), else in name order.
                    .orElse(pending.stream().filter(p -> referencesToRebuild(p, pending)
                            .allMatch(k -> keyed(rebuiltFrom(k.refTable(), pending), k.refColumns())))
                            .findFirst().orElse(pending.get(0)));
            pending.remove(next);
            out.add(next);
        }
        return out;
    }

    /**
     * Checks moved in a cycle of rebuilt tables whose keys come with the rebuild: some table must
     * be rebuilt before a table it references has its key, and its {@code PRAGMA foreign_key_check}
     * (the last statement of a rebuild) then runs after the rebuild of the last table it references.
     *
     * @param after by the name of such a last table, the checks to run after its rebuild
     * @param moved the tables whose own check runs later than their rebuild
     */
    private record DeferredChecks(Map<String, List<String>> after, Set<String> moved) {
    }

    private static DeferredChecks deferredChecks(List<TablePlan> ordered) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).rebuild) {
                position.put(ordered.get(i).to.name(), i);
            }
        }
        DeferredChecks deferred = new DeferredChecks(new HashMap<>(), new HashSet<>());
        for (int i = 0; i < ordered.size(); i++) {
            TablePlan p = ordered.get(i);
            if (!p.rebuild) {
                continue;
            }
            int self = i;
            p.to.constraints().stream()
                    .filter(k -> k.kind() == Constraint.Kind.FOREIGN_KEY && position.getOrDefault(k.refTable(), -1) > self)
                    .map(k -> ordered.get(position.get(k.refTable())))
                    .max(java.util.Comparator.comparingInt(o -> position.get(o.to.name())))
                    .ifPresent(last -> {
                        deferred.after().computeIfAbsent(last.to.name(), n -> new ArrayList<>())
                                .add("PRAGMA foreign_key_check(" + Ddl.of(DialectId.SQLITE).quote(p.to.name()) + ")");
                        deferred.moved().add(p.to.name());
                    });
        }
        return deferred;
    }

    /** The foreign keys of {@code p}'s new table to another table still waiting to be rebuilt. */
    private static java.util.stream.Stream<Constraint> referencesToRebuild(TablePlan p, List<TablePlan> pending) {
        return p.to.constraints().stream()
                .filter(k -> k.kind() == Constraint.Kind.FOREIGN_KEY && !k.refTable().equals(p.to.name()))
                .filter(k -> pending.stream().anyMatch(o -> o.rebuild && o.to.name().equals(k.refTable())));
    }

    /** The table {@code name} as it is before its rebuild. */
    private static Table rebuiltFrom(String name, List<TablePlan> pending) {
        return pending.stream().filter(o -> o.rebuild && o.to.name().equals(name)).findFirst().orElseThrow().from;
    }

    /** Whether {@code columns} are a key of {@code table}: its primary key, a unique constraint or a unique index. */
    private static boolean keyed(Table table, List<String> columns) {
        if (table == null) {
            return false;
        }
        Set<String> wanted = Set.copyOf(columns);
        return table.constraints().stream().anyMatch(k -> (k.kind() == Constraint.Kind.PRIMARY_KEY
                        || k.kind() == Constraint.Kind.UNIQUE) && Set.copyOf(k.columns()).equals(wanted))
                || table.indexes().stream().anyMatch(i -> i.unique() && i.where() == null
                        && i.keys().stream().allMatch(key -> key.column() != null)
                        && i.keys().stream().map(Index.Key::column).collect(java.util.stream.Collectors.toSet()).equals(wanted));
    }

    private void enumValues(EnumType a, EnumType b) {
        List<String> old = a.labels();
        List<String> labels = b.labels();
        int i = 0;
        for (String l : labels) {
            if (i < old.size() && old.get(i).equals(l)) {
                i++;
            }
        }
        if (i < old.size()) {
            changes.add(new Change(Kind.UNSUPPORTED, b.name(), false,
                    "PostgreSQL cannot remove or reorder enum labels: recreate the type by hand", List.of()));
            return;
        }
        for (int k = 0; k < labels.size(); k++) {
            String l = labels.get(k);
            if (!old.contains(l)) {
                String before = null;
                for (int n = k + 1; n < labels.size(); n++) {
                    if (old.contains(labels.get(n))) {
                        before = labels.get(n);
                        break;
                    }
                }
                add(Kind.ADD_ENUM_VALUE, b.name() + "." + l, false, ddl.addEnumValue(b, l, before));
            }
        }
    }

    private void unknownObjects() {
        for (UnknownObject u : from.unknown()) {
            if (!to.unknown().contains(u)) {
                changes.add(new Change(Kind.UNSUPPORTED, u.kind() + " " + u.name(), false,
                        "only in the source; the model does not describe it, so it is left alone", List.of()));
            }
        }
        for (UnknownObject u : to.unknown()) {
            if (!from.unknown().contains(u)) {
                changes.add(new Change(Kind.UNSUPPORTED, u.kind() + " " + u.name(), false,
                        "only in the target; the model does not describe it, so it is not created", List.of()));
            }
        }
    }

    /** Whether the sequence went with the table or column that owned it. */
    private static boolean ownerGone(Sequence s, Set<String> droppedTables, Map<String, TablePlan> plans) {
        if (s.ownedBy() == null) {
            return false;
        }
        int dot = s.ownedBy().indexOf('.');
        String table = s.ownedBy().substring(0, dot);
        String column = s.ownedBy().substring(dot + 1);
        TablePlan plan = plans.get(table);
        return droppedTables.contains(table)
                || plan != null && (plan.rebuild || plan.dropped.stream().anyMatch(c -> c.name().equals(column)));
    }

    private static String ownerAfterRenames(String owner, Function<String, String> newName,
            Map<String, Map<String, String>> columnRenames) {
        if (owner == null) {
            return null;
        }
        int dot = owner.indexOf('.');
        String table = owner.substring(0, dot);
        String column = owner.substring(dot + 1);
        return newName.apply(table) + "." + columnRenames.getOrDefault(table, Map.of()).getOrDefault(column, column);
    }

    private static String name(Constraint k) {
        return k.name() != null ? k.name() : k.kind().words();
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> out = new TreeMap<>();
        for (T item : items) {
            out.put(key.apply(item), item);
        }
        return out;
    }
}
