package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SchemaReaderTest {

    @Test
    void postgresReadsANamedSchemaAsIfItWereCurrentAndRestoresTheSearchPath() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Connection c = db.connect()) {
            SchemaScripts.run(c, DialectId.POSTGRESQL, """
                    CREATE SCHEMA "Scratch 1";
                    CREATE TABLE "Scratch 1".parent (id integer PRIMARY KEY);
                    CREATE TABLE "Scratch 1".child (id integer REFERENCES "Scratch 1".parent);
                    CREATE FUNCTION "Scratch 1".f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
                    CREATE TABLE public.elsewhere (id integer);
                    SET search_path TO public;
                    """);
            Schema schema = SchemaReader.of(DialectId.POSTGRESQL).read(c, "Scratch 1");
            assertThat(schema.name()).isEqualTo("Scratch 1");
            assertThat(schema.tables()).extracting(Table::name).containsExactly("child", "parent");
            assertThat(schema.table("child").orElseThrow().constraints().get(0).definition())
                    .isEqualTo("FOREIGN KEY (id) REFERENCES parent(id)");
            assertThat(schema.routines().get(0).definition()).startsWith("CREATE OR REPLACE FUNCTION f()");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("public");
            }
        }
    }

    @Test
    void twoReadsOfOneDatabaseAreEqualAndRenderTheSameJson() {
        for (DialectId dialect : DialectId.values()) {
            try (TestDatabase db = TestDatabase.create(dialect)) {
                SchemaScripts.run(db, "CREATE TABLE b (id INTEGER PRIMARY KEY, x INTEGER);\n"
                        + "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));\n"
                        + "CREATE INDEX a_b ON a (b_id);\n");
                Schema first = SchemaScripts.read(db);
                Schema second = SchemaScripts.read(db);
                assertThat(second).isEqualTo(first);
                assertThat(SchemaJson.render(second)).isEqualTo(SchemaJson.render(first));
                assertThat(first.tables()).extracting(Table::name).containsExactly("a", "b");
            }
        }
    }

    @Test
    void anotherHistoryPrefixIsLeftOutInstead() {
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE); Connection c = db.connect()) {
            SchemaScripts.run(c, DialectId.SQLITE, "CREATE TABLE app_revisions (id TEXT);\nCREATE TABLE graft_x (id TEXT);\n");
            Schema schema = SchemaReader.of(DialectId.SQLITE, "app_").read(c, null);
            assertThat(schema.tables()).extracting(Table::name).containsExactly("graft_x");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Item 5 of the schema work: a thousand tables read with a fixed number of catalog queries,
     * not some per table (that is what keeps a read within two seconds; the time itself is printed,
     * not asserted, since a shared CI machine makes it noisy).
     */
    @Test
    void postgresReadsAThousandTablesWithAFixedNumberOfQueries() throws Exception {
        try (TestDatabase db = TestDatabase.create(DialectId.POSTGRESQL); Connection c = db.connect()) {
            StringBuilder script = new StringBuilder("CREATE TABLE t0 (id integer PRIMARY KEY, name text NOT NULL);\n");
            for (int i = 1; i < 1000; i++) {
                script.append("CREATE TABLE t").append(i).append(" (id integer PRIMARY KEY, name text NOT NULL DEFAULT 'x',")
                        .append(" parent integer REFERENCES t").append(i - 1).append(", created timestamptz,")
                        .append(" CHECK (id > 0));\n")
                        .append("CREATE INDEX t").append(i).append("_name ON t").append(i).append(" (name);\n");
            }
            try (Statement s = c.createStatement()) {
                s.execute(script.toString());
            }
            int[] statements = {0};
            Connection counting = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                            statements[0]++;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            long start = System.nanoTime();
            Schema schema = SchemaReader.of(DialectId.POSTGRESQL).read(counting, null);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("SchemaReaderTest: 1,000 PostgreSQL tables read in " + ms + " ms with "
                    + statements[0] + " statements");
            assertThat(schema.tables()).hasSize(1000);
            assertThat(statements[0]).as("statements to read 1,000 tables").isLessThanOrEqualTo(20);
        }
    }
}
