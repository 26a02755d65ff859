package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.internal.schema.RoundTripLab.Space;
import io.graft.internal.schema.RoundTripSchemas.Col;
import io.graft.internal.schema.RoundTripSchemas.Pair;
import io.graft.internal.schema.RoundTripSchemas.Spec;
import io.graft.internal.schema.RoundTripSchemas.Tbl;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * The schema diff proven by round trips on the real databases: for random pairs of schemas A and B
 * ({@link RoundTripGenerators}), A is built and filled with rows, {@code diff(A, B)} rendered as
 * {@code graft diff} prints it is run on it, and then
 * <ul>
 * <li>the model read back equals B's, read from B built directly from its DDL;</li>
 * <li>the database's own dump ({@code pg_dump -s}, {@code sqlite3 .schema},
 *     {@code mariadb-dump --no-data}) equals B's;</li>
 * <li>the rows of the tables and columns A and B share are still there, the same;</li>
 * </ul>
 * and the same again for {@code diff(B, A)} run after it, back to A. Columns that B renames are
 * passed to both diffs as {@code --rename} would pass them.
 *
 * <p>Tries per dialect in CI are the {@code tries} below (about three minutes a dialect on two
 * cores); {@code -Dgraft.roundtrip.tries=N} runs N per dialect instead.
 */
@AddLifecycleHook(value = SchemaRoundTripPropertiesTest.Tries.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class SchemaRoundTripPropertiesTest {

    private static final Map<DialectId, RoundTripLab> LABS = new EnumMap<>(DialectId.class);

    @Property(tries = 300)
    void postgresqlRoundTrips(@ForAll("postgresql") Pair pair) {
        roundTrip(pair);
    }

    @Property(tries = 500)
    void sqliteRoundTrips(@ForAll("sqlite") Pair pair) {
        roundTrip(pair);
    }

    @Property(tries = 300)
    void mysqlRoundTrips(@ForAll("mysql") Pair pair) {
        roundTrip(pair);
    }

    @Provide
    Arbitrary<Pair> postgresql() {
        return RoundTripGenerators.pairs(DialectId.POSTGRESQL);
    }

    @Provide
    Arbitrary<Pair> sqlite() {
        return RoundTripGenerators.pairs(DialectId.SQLITE);
    }

    @Provide
    Arbitrary<Pair> mysql() {
        return RoundTripGenerators.pairs(DialectId.MYSQL);
    }

    /** Where a case's time goes: building, diffing and reading, dumping, dropping ({@code -Dgraft.roundtrip.timing=true}). */
    static final long[] TIMES = new long[4];

    @AfterContainer
    static void dropLabs() {
        if (Boolean.getBoolean("graft.roundtrip.timing")) {
            int cases = LABS.values().stream().mapToInt(RoundTripLab::cases).sum() / 4;
            System.err.printf("round trips: %d cases; build %d ms, diff and read %d ms, dump %d ms, drop %d ms%n", cases,
                    TIMES[0] / 1_000_000, TIMES[1] / 1_000_000, TIMES[2] / 1_000_000, TIMES[3] / 1_000_000);
        }
        LABS.values().forEach(RoundTripLab::close);
        LABS.clear();
    }

    private static synchronized RoundTripLab lab(DialectId dialect) {
        return LABS.computeIfAbsent(dialect, RoundTripLab::open);
    }

    static void roundTrip(Pair pair) {
        DialectId dialect = pair.dialect();
        RoundTripLab lab = lab(dialect);
        String ddlA = RoundTripSchemas.ddl(dialect, pair.a());
        String ddlB = RoundTripSchemas.ddl(dialect, pair.b());
        List<String> rows = RoundTripSchemas.rows(dialect, pair.a());
        List<Space> spaces = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Space a0 = add(spaces, lab.space("a"));
            Space b0 = add(spaces, lab.space("b"));
            Space forward = add(spaces, lab.space("f"));
            Space back = add(spaces, lab.space("r"));
            for (Space s : List.of(a0, forward, back)) {
                s.script(ddlA, dialect);
                s.statements(rows);
            }
            b0.script(ddlB, dialect);
            long t1 = System.nanoTime();
            Schema schemaA = a0.read();
            Schema schemaB = b0.read();

            Renames renames = Renames.parse(pair.renames());
            String up = DiffScript.render(dialect, SchemaDiff.compare(schemaA, schemaB, renames));
            String down = DiffScript.render(dialect, SchemaDiff.compare(schemaB, schemaA,
                    SchemaDiffGoldenTest.reverse(renames)));
            forward.script(up, dialect);
            back.script(up, dialect);
            assertModel(forward.read(), schemaB, "after diff(A, B)", up);
            back.script(down, dialect);
            assertModel(back.read(), schemaA, "after diff(A, B) and diff(B, A)", up + "\n-- back:\n" + down);

            long t2 = System.nanoTime();
            Map<Space, String> dumps = lab.dumps(spaces);
            long t3 = System.nanoTime();
            TIMES[0] += t1 - t0;
            TIMES[1] += t2 - t1;
            TIMES[2] += t3 - t2;
            assertDump(dumps.get(forward), dumps.get(b0), "after diff(A, B)", up);
            assertDump(dumps.get(back), dumps.get(a0), "after diff(A, B) and diff(B, A)", up + "\n-- back:\n" + down);
            assertRows(pair, a0, forward, back);
        } finally {
            long t4 = System.nanoTime();
            for (Space s : spaces) {
                s.close();
            }
            TIMES[3] += System.nanoTime() - t4;
        }
    }

    private static Space add(List<Space> spaces, Space s) {
        spaces.add(s);
        return s;
    }

    private static void assertModel(Schema actual, Schema expected, String when, String script) {
        String a = SchemaJson.render(actual.withName("s"));
        String e = SchemaJson.render(expected.withName("s"));
        if (!a.equals(e)) {
            List<Change> rest = SchemaDiff.compare(actual, expected.withName(actual.name()));
            throw new AssertionError(when + ", the model read back differs (- expected, + actual):\n"
                    + LineDiff.of(e, a).lines().filter(l -> !l.startsWith("  ")).reduce("", (x, y) -> x + y + "\n")
                    + "-- what a diff still sees:\n" + DiffScript.render(actual.dialect(), rest)
                    + "\n-- the diff run:\n" + script);
        }
    }

    private static void assertDump(String actual, String expected, String when, String script) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(when + ", the dump differs (- expected, + actual):\n"
                    + LineDiff.of(expected, actual).lines().filter(l -> !l.startsWith("  "))
                            .reduce("", (x, y) -> x + y + "\n")
                    + "-- the diff run:\n" + script);
        }
    }

    /**
     * Rows of the tables on both sides: after diff(A, B) in the columns on both sides whose type
     * stays, after the way back in every column on both sides.
     */
    private static void assertRows(Pair pair, Space a0, Space forward, Space back) {
        Spec a = pair.a();
        Spec b = pair.b();
        for (Tbl t : a.tables()) {
            Tbl u = b.table(t.name()).orElse(null);
            if (u == null) {
                continue;
            }
            List<String> shared = new ArrayList<>();
            List<String> sameType = new ArrayList<>();
            List<String> sameTypeInB = new ArrayList<>();
            for (Col c : t.columns()) {
                String inB = pair.renames().contains(t.name() + "." + c.name() + "=" + c.name() + "r") ? c.name() + "r"
                        : c.name();
                Col d = u.column(inB).orElse(null);
                if (d != null) {
                    shared.add(c.name());
                    if (d.type().equals(c.type())) {
                        sameType.add(c.name());
                        sameTypeInB.add(inB);
                    }
                }
            }
            List<String> before = a0.rows(t.name(), shared);
            assertThat(before).hasSize(RoundTripSchemas.ROWS);
            if (!sameType.isEmpty()) {
                assertThat(forward.rows(t.name(), sameTypeInB)).as("rows of %s%s after diff(A, B)", t.name(), sameTypeInB)
                        .isEqualTo(a0.rows(t.name(), sameType));
            }
            assertThat(back.rows(t.name(), shared)).as("rows of %s%s after diff(A, B) and diff(B, A)", t.name(), shared)
                    .isEqualTo(before);
        }
    }

    /** {@code -Dgraft.roundtrip.tries=N}: N tries per dialect instead of CI's. */
    static final class Tries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String tries = System.getProperty("graft.roundtrip.tries");
            if (tries != null && !tries.isBlank()) {
                context.attributes().setTries(Integer.parseInt(tries.strip()));
            }
            return property.execute();
        }
    }
}
