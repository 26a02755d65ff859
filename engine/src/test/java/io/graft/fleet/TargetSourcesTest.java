package io.graft.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where targets come from, and the names they get; no database. */
class TargetSourcesTest {

    @TempDir
    Path dir;

    @Test
    void urlsAreNamedAfterTheirFileSchemaOrDatabase() {
        assertThat(TargetSources.url("jdbc:sqlite:/data/tenants/acme.db").name()).isEqualTo("acme");
        assertThat(TargetSources.url("sqlite:///tenants/globex.sqlite").name()).isEqualTo("globex");
        assertThat(TargetSources.url("postgresql://app:secret@db:5432/app").name()).isEqualTo("app");
        FleetTarget schema = TargetSources.url("jdbc:postgresql://db/app?currentSchema=tenant_7");
        assertThat(schema.name()).isEqualTo("tenant_7");
        assertThat(schema.schema()).as("its own history, its own lock").isEqualTo("tenant_7");
        assertThat(TargetSources.url("mysql://root@db:3306/shop_eu").name()).isEqualTo("shop_eu");
    }

    @Test
    void tenantsAreSchemasOnPostgresAndDatabasesOnMysql() {
        FleetTarget pg = TargetSources.tenant("jdbc:postgresql://db:5432/app?sslmode=require", "acme");
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require&currentSchema=acme");
        assertThat(pg.schema()).isEqualTo("acme");
        FleetTarget replaced = TargetSources.tenant("jdbc:postgresql://db/app?currentSchema=public", "acme");
        assertThat(replaced.url()).isEqualTo("jdbc:postgresql://db/app?currentSchema=acme");
        FleetTarget my = TargetSources.tenant("jdbc:mariadb://db:3306/control?useSsl=false", "acme");
        assertThat(my.url()).isEqualTo("jdbc:mariadb://db:3306/acme?useSsl=false");
        assertThat(my.schema()).isNull();
        FleetTarget withUser = TargetSources.tenant("postgresql://app:s3cret@db/app", "acme");
        assertThat(withUser.user()).isEqualTo("app");
        assertThat(withUser.password()).isEqualTo("s3cret");
        assertThat(withUser.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> TargetSources.tenant("jdbc:sqlite:x.db", "acme"))
                .hasMessageContaining("need a PostgreSQL or MySQL/MariaDB URL");
        assertThatThrownBy(() -> TargetSources.tenant("jdbc:postgresql://db/app", "a; DROP"))
                .hasMessageContaining("not a plain schema or database name");
    }

    @Test
    void aTargetsFileTakesUrlsAndJsonObjectsAndNamesEveryBadLine() throws IOException {
        Path file = dir.resolve("tenants.txt");
        Files.writeString(file, """
                # one per line
                jdbc:sqlite:a.db

                {"name": "bee", "url": "jdbc:sqlite:b.db"}
                {"name": "see", "url": "postgresql://u:pw@db/app", "schema": "t_c"}
                """);
        List<FleetTarget> targets = TargetSources.file(file, "tenants.txt");
        assertThat(targets).extracting(FleetTarget::name).containsExactly("a", "bee", "see");
        assertThat(targets.get(2).schema()).isEqualTo("t_c");

        Files.writeString(file, """
                jdbc:sqlite:a.db
                nonsense://x
                {"name": "a", "url": "jdbc:sqlite:other/a.db"}
                {"nmae": "x", "url": "jdbc:sqlite:x.db"}
                {"name": "broken"
                """);
        assertThatThrownBy(() -> TargetSources.file(file, "tenants.txt"))
                .isInstanceOf(TargetListException.class)
                .hasMessageContaining("tenants.txt:2:1:")
                .hasMessageContaining("tenants.txt:4:1: unknown key 'nmae'")
                .hasMessageContaining("tenants.txt:5:1: not a JSON object")
                .hasMessageContaining("the name 'a' is used by 2 targets");
    }

    @Test
    void aGlobFindsSqliteFilesAndLeavesTheirJournalsOut() throws IOException {
        Files.createDirectories(dir.resolve("tenants/eu"));
        for (String f : List.of("tenants/acme.db", "tenants/acme.db-wal", "tenants/globex.db", "tenants/eu/initech.db",
                "tenants/notes.txt")) {
            Files.writeString(dir.resolve(f), "");
        }
        assertThat(TargetSources.sqliteGlob(dir, "tenants/*.db")).extracting(FleetTarget::name)
                .containsExactly("acme", "globex");
        assertThat(TargetSources.sqliteGlob(dir, "tenants/**.db")).extracting(FleetTarget::name)
                .containsExactly("acme", "eu/initech", "globex");
        assertThatThrownBy(() -> TargetSources.sqliteGlob(dir, "nowhere/*.db")).hasMessageContaining("does not exist");
    }
}
