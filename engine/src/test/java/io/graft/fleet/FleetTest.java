package io.graft.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Direction;
import io.graft.Graft;
import io.graft.MigrationListener;
import io.graft.Target;
import io.graft.TargetException;
import io.graft.changelog.DialectId;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fleet on each database: SQLite files, PostgreSQL schemas of one database, MySQL/MariaDB
 * databases of one server. CI runs 20, 10 and 4 targets; {@code -Dgraft.fleet.size=full} runs 200,
 * 100 and 20. Among them one target whose revision fails, one that cannot be reached, one locked
 * by another run and one already ahead of the changelog; each is reported as such while the
 * others complete, and a second run resumes, touching only the targets not yet at the head.
 */
class FleetTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void dropEverything() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    static int size(DialectId dialect) {
        boolean full = "full".equals(System.getProperty("graft.fleet.size"));
        return switch (dialect) {
            case SQLITE -> full ? 200 : 20;
            case POSTGRESQL -> full ? 100 : 10;
            case MYSQL -> full ? 20 : 4;
        };
    }

    private Path changelog(Path folder, boolean future) {
        ChangelogFixture f = ChangelogFixture.in(folder)
                .revision("0001_accounts", List.of(), "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(100));\n",
                        "DROP TABLE accounts;\n")
                .revision("0002_orders", List.of("0001_accounts"),
                        "CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER);\n", "DROP TABLE orders;\n")
                .revision("0003_seed", List.of("0002_orders"), "INSERT INTO accounts (id, name) VALUES (1, 'first');\n",
                        "DELETE FROM accounts WHERE id = 1;\n");
        if (future) {
            f.revision("0004_future", List.of("0003_seed"), "CREATE TABLE future_things (id INTEGER);\n",
                    "DROP TABLE future_things;\n");
        }
        return f.save();
    }

    /** The fleet of one dialect: {@code n} targets on fresh databases, and their credentials. */
    private record Targets(List<FleetTarget> list, String user, String password) {
    }

    private Targets targets(DialectId dialect, int n) {
        List<FleetTarget> list = new ArrayList<>();
        switch (dialect) {
            case SQLITE -> {
                for (int i = 0; i < n; i++) {
                    list.add(FleetTarget.of(String.format("tenant_%03d", i),
                            "jdbc:sqlite:" + dir.resolve(String.format("tenants/tenant_%03d.db", i))));
                }
                dir.resolve("tenants").toFile().mkdirs();
                return new Targets(list, null, null);
            }
            case POSTGRESQL -> {
                TestDatabase db = TestDatabase.create(dialect);
                cleanup.add(db);
                List<String> schemas = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    schemas.add(String.format("tenant_%03d", i));
                }
                return new Targets(TargetSources.tenants(db.url(), schemas), db.user(), db.password());
            }
            default -> {
                TestDatabase first = null;
                List<String> names = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    TestDatabase db = TestDatabase.create(dialect);
                    cleanup.add(db);
                    first = first == null ? db : first;
                    names.add(db.url().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1"));
                }
                return new Targets(TargetSources.tenants(first.url(), names), first.user(), first.password());
            }
        }
    }

    private Fleet.Builder fleet(Path changelog, Targets targets) {
        return Fleet.builder().changelog(changelog).targets(targets.list()).credentials(targets.user(), targets.password())
                .parallel(4);
    }

    private Graft graft(Path changelog, FleetTarget t, Targets targets, Duration lockTimeout) {
        Graft.Builder b = Graft.builder().changelog(changelog)
                .url(t.url(), t.user() != null ? t.user() : targets.user(), t.password() != null ? t.password() : targets.password())
                .lockTimeout(lockTimeout);
        if (t.schema() != null) {
            b.schema(t.schema());
        }
        return b.build();
    }

    private static List<String> applied(FleetTarget t, Targets targets) throws Exception {
        String table = t.schema() == null ? "graft_revisions" : t.schema() + ".graft_revisions";
        String user = t.user() != null ? t.user() : targets.user();
        String password = t.password() != null ? t.password() : targets.password();
        String url = io.graft.DatabaseUrl.parse(t.url()).jdbcUrl();
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY applied_seq")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static void execute(Graft graft) {
        graft.status();
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aFleetIsMigratedWithEachFaultReportedAndResumed(DialectId dialect) throws Exception {
        int n = size(dialect);
        Path changelog = changelog(dir.resolve("project"), false);
        Path newer = changelog(dir.resolve("newer"), true);
        Targets targets = targets(dialect, n);
        List<FleetTarget> list = new ArrayList<>(targets.list());
        FleetTarget failing = list.get(1);
        FleetTarget locked = list.get(2);
        FleetTarget ahead = list.get(3);
        FleetTarget unreachable = switch (dialect) {
            case SQLITE -> FleetTarget.of("unreachable", "jdbc:sqlite:" + dir.resolve("no/such/folder/x.db"));
            case POSTGRESQL -> FleetTarget.of("unreachable", "jdbc:postgresql://127.0.0.1:1/nowhere");
            case MYSQL -> FleetTarget.of("unreachable", "jdbc:mariadb://127.0.0.1:1/nowhere");
        };
        list.add(unreachable);
        Targets all = new Targets(list, targets.user(), targets.password());

        // The failing target already has a table that its 0002 creates; the ahead one ran a newer changelog.
        try (Graft g = graft(changelog, failing, all, Duration.ofSeconds(5))) {
            g.upgrade("0001_accounts");
        }
        withConnection(failing, all, "CREATE TABLE orders (id INTEGER)");
        try (Graft g = graft(newer, ahead, all, Duration.ofSeconds(5))) {
            g.upgrade(Target.HEADS);
        }

        // Another run holds the lock of one target for as long as the fleet runs.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (Graft g = Graft.builder().changelog(changelog)
                    .url(locked.url(), locked.user() != null ? locked.user() : all.user(),
                            locked.password() != null ? locked.password() : all.password())
                    .schema(locked.schema())
                    .listener(new MigrationListener() {
                        @Override
                        public void planned(Direction direction, List<String> revisionIds) {
                            holding.countDown();
                            try {
                                release.await(2, TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new IllegalStateException("the other run gives up");
                        }
                    }).build()) {
                g.upgrade("0001_accounts");
            } catch (RuntimeException expected) {
                // it only held the lock
            }
        });
        holder.start();
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();

        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger revisionsSeen = new AtomicInteger();
        FleetResult first;
        try {
            first = fleet(changelog, all).continueOnError().lockTimeout(Duration.ofSeconds(1))
                    .listener(new FleetListener() {
                        @Override
                        public void targetStarted(FleetTarget target, int wave) {
                            started.add(target.name());
                        }

                        @Override
                        public void revisionFinished(FleetTarget target, io.graft.RevisionStep step) {
                            revisionsSeen.incrementAndGet();
                        }
                    })
                    .build().upgrade(Target.HEADS);
        } finally {
            release.countDown();
            holder.join();
        }

        Map<String, TargetResult> byName = first.results().stream()
                .collect(Collectors.toMap(TargetResult::name, Function.identity()));
        assertThat(first.results()).hasSize(n + 1);
        assertThat(started).hasSize(n + 1);
        assertThat(byName.get(failing.name()).fault()).contains("revision_failed");
        assertThat(byName.get(failing.name()).failedRevision()).contains("0002_orders");
        assertThat(byName.get(failing.name()).where().map(Object::toString).orElse(""))
                .contains("0002_orders.up.sql:1");
        assertThat(byName.get(failing.name()).before()).containsExactly("0001_accounts");
        assertThat(byName.get(locked.name()).fault()).contains("locked");
        assertThat(byName.get(ahead.name()).fault()).contains("ahead");
        assertThat(byName.get(ahead.name()).error().getMessage()).contains("0004_future");
        assertThat(byName.get("unreachable").fault()).as("%s", byName.get("unreachable").error()).contains("unreachable");
        assertThat(first.failures()).hasSize(4);
        assertThat(first.count(TargetResult.Outcome.SUCCEEDED)).isEqualTo(n - 3);
        for (FleetTarget t : targets.list()) {
            if (t != failing && t != locked && t != ahead) {
                TargetResult r = byName.get(t.name());
                assertThat(r.outcome()).as("%s: %s", t.name(), r.error()).isEqualTo(TargetResult.Outcome.SUCCEEDED);
                assertThat(r.before()).isEmpty();
                assertThat(r.after()).containsExactly("0003_seed");
                assertThat(r.applied()).containsExactly("0001_accounts", "0002_orders", "0003_seed");
                assertThat(applied(t, all)).containsExactly("0001_accounts", "0002_orders", "0003_seed");
                assertThat(r.url()).doesNotContain("password");
            }
        }
        assertThat(first.revisionsApplied()).isEqualTo(revisionsSeen.get()).isEqualTo(3L * (n - 3));

        // Fix the failing target; the locked one is free now. The second run touches only those two.
        withConnection(failing, all, "DROP TABLE orders");
        FleetResult second = fleet(changelog, all).continueOnError().build().upgrade(Target.HEADS);
        Map<String, TargetResult> again = second.results().stream()
                .collect(Collectors.toMap(TargetResult::name, Function.identity()));
        assertThat(again.get(failing.name()).applied()).containsExactly("0002_orders", "0003_seed");
        assertThat(again.get(locked.name()).applied()).containsExactly("0001_accounts", "0002_orders", "0003_seed");
        assertThat(again.get(ahead.name()).fault()).contains("ahead");
        assertThat(again.get("unreachable").fault()).contains("unreachable");
        assertThat(second.revisionsApplied()).isEqualTo(5);
        for (FleetTarget t : targets.list()) {
            if (t != ahead) {
                assertThat(applied(t, all)).as(t.name()).containsExactly("0001_accounts", "0002_orders", "0003_seed");
            }
        }
        assertThat(applied(ahead, all)).containsExactly("0001_accounts", "0002_orders", "0003_seed", "0004_future");
    }

    private static void withConnection(FleetTarget t, Targets targets, String sql) throws Exception {
        String url = io.graft.DatabaseUrl.parse(t.url()).jdbcUrl();
        String user = t.user() != null ? t.user() : targets.user();
        String password = t.password() != null ? t.password() : targets.password();
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void theFirstFailureStopsTheLaunchingAndWavesWaitForEachOther() throws Exception {
        Path changelog = changelog(dir.resolve("project"), false);
        Targets targets = targets(DialectId.SQLITE, 12);
        List<FleetTarget> list = new ArrayList<>(targets.list());
        // The second target of the first wave is broken: its folder is a file.
        java.nio.file.Files.writeString(dir.resolve("blocker"), "");
        list.add(1, FleetTarget.of("broken", "jdbc:sqlite:" + dir.resolve("blocker/x.db")));
        List<Integer> wavesStarted = java.util.Collections.synchronizedList(new ArrayList<>());
        FleetResult result = Fleet.builder().changelog(changelog).targets(list).parallel(1)
                .waves(Waves.parse("3,rest"))
                .listener(new FleetListener() {
                    @Override
                    public void waveStarted(int wave, int size) {
                        wavesStarted.add(wave);
                    }
                })
                .build().upgrade(Target.HEADS);
        assertThat(result.waveSizes()).containsExactly(3, 10);
        assertThat(wavesStarted).containsExactly(1);
        assertThat(result.results()).extracting(TargetResult::outcome).startsWith(TargetResult.Outcome.SUCCEEDED,
                TargetResult.Outcome.FAILED, TargetResult.Outcome.SKIPPED, TargetResult.Outcome.SKIPPED);
        assertThat(result.count(TargetResult.Outcome.SKIPPED)).isEqualTo(11);
        assertThat(result.results().get(5).wave()).isEqualTo(2);

        // With a budget of one failure, the second wave runs.
        FleetResult budget = Fleet.builder().changelog(changelog).targets(list).parallel(3).waves(Waves.parse("3,rest"))
                .maxFailures(1).build().upgrade(Target.HEADS);
        assertThat(budget.count(TargetResult.Outcome.FAILED)).isEqualTo(1);
        assertThat(budget.count(TargetResult.Outcome.SUCCEEDED)).isEqualTo(12);
        assertThat(budget.results().get(0).applied()).as("already migrated: nothing to do").isEmpty();
    }

    @Test
    void statusCheckAndDownRunOnEveryTarget() {
        Path changelog = changelog(dir.resolve("project"), false);
        Targets targets = targets(DialectId.SQLITE, 5);
        Fleet fleet = fleet(changelog, targets).build();
        FleetResult status = fleet.status();
        assertThat(status.succeeded()).isTrue();
        assertThat(status.results().get(0).pending()).containsExactly("0001_accounts", "0002_orders", "0003_seed");
        assertThat(dir.resolve("tenants/tenant_000.db")).as("status creates no database").doesNotExist();
        assertThat(fleet.upgrade(Target.parse("0002_orders")).revisionsApplied()).isEqualTo(10);
        assertThat(fleet.check().results()).allSatisfy(r -> assertThat(r.pending()).containsExactly("0003_seed"));
        FleetResult down = fleet.downgrade(Target.parse("base"));
        assertThat(down.revisionsApplied()).isEqualTo(10);
        assertThat(down.results().get(0).before()).containsExactly("0002_orders");
        assertThat(down.results().get(0).after()).isEmpty();
    }

    @Test
    void aTargetThatNamesNoRevisionFailsBeforeAnyConnection() {
        Path changelog = changelog(dir.resolve("project"), false);
        Targets targets = targets(DialectId.SQLITE, 3);
        assertThatThrownBy(() -> fleet(changelog, targets).build().upgrade(Target.parse("0009_nope")))
                .isInstanceOf(TargetException.class);
        assertThat(dir.resolve("tenants/tenant_000.db")).doesNotExist();
        assertThatThrownBy(() -> Fleet.builder().targets(List.of(FleetTarget.of("a", "jdbc:sqlite:a.db"),
                FleetTarget.of("a", "jdbc:sqlite:b.db"))).build())
                .isInstanceOf(TargetListException.class).hasMessageContaining("the name 'a' is used by 2 targets");
    }

    @Test
    void cancelStopsLaunchingAndInterruptsTheRunningTargets() throws Exception {
        Path changelog = ChangelogFixture.in(dir.resolve("slow"))
                .revision("0001_slow", List.of(), "CREATE TABLE t (n INTEGER);\n", null)
                .save();
        Targets targets = targets(DialectId.SQLITE, 8);
        CountDownLatch firstStarted = new CountDownLatch(1);
        Fleet[] holder = new Fleet[1];
        Fleet fleet = fleet(changelog, targets).parallel(1).continueOnError()
                .listener(new FleetListener() {
                    @Override
                    public void targetFinished(TargetResult result) {
                        if (result.succeeded()) {
                            holder[0].cancel();
                        }
                    }
                }).build();
        holder[0] = fleet;
        FleetResult result = fleet.upgrade(Target.HEADS);
        assertThat(result.stopped()).isTrue();
        assertThat(result.count(TargetResult.Outcome.SUCCEEDED)).isEqualTo(1);
        assertThat(result.count(TargetResult.Outcome.SKIPPED)).isEqualTo(7);
        assertThat(firstStarted.getCount()).isEqualTo(1);
    }
}
