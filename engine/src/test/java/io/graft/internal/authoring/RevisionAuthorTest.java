package io.graft.internal.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.CreatedRevision;
import io.graft.NewRevision;
import io.graft.NewRevision.IdScheme;
import io.graft.TargetException;
import io.graft.changelog.Changelog;
import io.graft.internal.changelog.ChangelogLoader;
import io.graft.internal.changelog.FileChecks;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionAuthorTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-24T15:30:12Z"), ZoneOffset.UTC);

    static final String COMMENTED = """
            # Our changelog.   Odd   spacing and comments stay exactly as they are.
            changelog: 1   # format

            revisions:
              # the first one
              - id: 0001_users
                parents: []          # root
                up: sql/0001_users.up.sql
                down: sql/0001_users.down.sql

              - id: 0002_orders
                parents: [0001_users]
                up: sql/0002_orders.up.sql
                down: sql/0002_orders.down.sql
            # trailing comment
            """;

    @TempDir
    Path dir;

    @Test
    void newAppendsBelowTheUntouchedTextWithATimestampId() throws IOException {
        Path changelog = setUp(COMMENTED);
        CreatedRevision created = author().create(new NewRevision("Add e-mail to users!", List.of(),
                List.of("mail"), List.of("0001_users"), false, IdScheme.TIMESTAMP));

        assertThat(created.id()).isEqualTo("20260124153012_add_e_mail_to_users");
        assertThat(created.parents()).containsExactly("0002_orders");
        String text = Files.readString(changelog);
        assertThat(text).startsWith(COMMENTED);
        assertThat(text.substring(COMMENTED.length())).isEqualTo("""

                  - id: 20260124153012_add_e_mail_to_users
                    parents: [0002_orders]
                    description: "Add e-mail to users!"
                    labels: [mail]
                    depends_on: [0001_users]
                    up: sql/20260124153012_add_e_mail_to_users.up.sql
                    down: sql/20260124153012_add_e_mail_to_users.down.sql
                    transaction: false
                """);
        assertThat(dir.resolve("sql/20260124153012_add_e_mail_to_users.up.sql")).content()
                .startsWith("-- 20260124153012_add_e_mail_to_users: Add e-mail to users!\n");
        Changelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow().changelog();
        assertThat(loaded.revisions()).extracting(Revision::id).last().isEqualTo(created.id());
        assertThat(loaded.revisions().get(2).transactional()).isFalse();
    }

    @Test
    void sequenceIdsCountOnAndCrlfFilesStayCrlf() throws IOException {
        Path changelog = setUp(COMMENTED.replace("\n", "\r\n"));
        CreatedRevision created = author().create(new NewRevision("payments", List.of(), List.of(), List.of(), true,
                IdScheme.SEQUENCE));
        assertThat(created.id()).isEqualTo("0003_payments");
        String text = Files.readString(changelog);
        assertThat(text).startsWith(COMMENTED.replace("\n", "\r\n"));
        assertThat(text.substring(COMMENTED.length() + COMMENTED.split("\n").length))
                .isEqualTo("\r\n  - id: 0003_payments\r\n    parents: [0002_orders]\r\n    description: \"payments\"\r\n"
                        + "    up: sql/0003_payments.up.sql\r\n    down: sql/0003_payments.down.sql\r\n");
        ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow().changelog();
    }

    @Test
    void anEntryGoesBeforeALaterTopLevelKey() throws IOException {
        String text = "changelog: 1\nrevisions:\n- id: a1\n  parents: []\n  up: sql/0001_users.up.sql\n"
                + "# about dialects\ndialects: [sqlite]\n";
        Path changelog = setUp(text);
        author().create(new NewRevision("next", List.of(), List.of(), List.of(), true, IdScheme.SEQUENCE));
        assertThat(Files.readString(changelog)).isEqualTo("changelog: 1\nrevisions:\n- id: a1\n  parents: []\n"
                + "  up: sql/0001_users.up.sql\n- id: 0001_next\n  parents: [a1]\n  description: \"next\"\n"
                + "  up:\n    sqlite: sql/0001_next.sqlite.up.sql\n  down:\n    sqlite: sql/0001_next.sqlite.down.sql\n"
                + "# about dialects\ndialects: [sqlite]\n");
        ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow().changelog();
    }

    @Test
    void theInitTemplateGetsItsFirstRevision() throws IOException {
        String template = "changelog: 1\n\nrevisions: []\n# Replace [] above\n#   - id: example\n";
        Path changelog = setUp(template);
        CreatedRevision created = author().create(new NewRevision("first", List.of(), List.of(), List.of(), true,
                IdScheme.SEQUENCE));
        assertThat(created.parents()).isEmpty();
        assertThat(Files.readString(changelog)).isEqualTo("changelog: 1\n\nrevisions:\n  - id: 0001_first\n"
                + "    parents: []\n    description: \"first\"\n    up: sql/0001_first.up.sql\n"
                + "    down: sql/0001_first.down.sql\n# Replace [] above\n#   - id: example\n");
    }

    @Test
    void perDialectStubsWhenTheChangelogDeclaresDialects() throws IOException {
        setUp(COMMENTED.replace("changelog: 1   # format\n", "changelog: 1   # format\ndialects: [postgresql, sqlite]\n"));
        CreatedRevision created = author().create(new NewRevision("x", List.of(), List.of(), List.of(), true,
                IdScheme.SEQUENCE));
        assertThat(created.files()).extracting(p -> dir.relativize(p).toString()).containsExactly(
                "sql/0003_x.postgresql.up.sql", "sql/0003_x.sqlite.up.sql",
                "sql/0003_x.postgresql.down.sql", "sql/0003_x.sqlite.down.sql");
    }

    @Test
    void severalHeadsNeedAParentOrAMerge() throws IOException {
        Path changelog = setUp(branched());
        String before = Files.readString(changelog);
        assertThatThrownBy(() -> author().create(NewRevision.of("more")))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("2 heads (0002_a, 0002_b)")
                .hasMessageContaining("graft merge");
        assertThat(Files.readString(changelog)).isEqualTo(before);

        CreatedRevision onA = author().create(new NewRevision("more", List.of("0002_a"), List.of(), List.of(), true,
                IdScheme.SEQUENCE));
        assertThat(onA.parents()).containsExactly("0002_a");
    }

    @Test
    void mergeJoinsEveryHeadWithACommentThatSaysSo() throws IOException {
        Path changelog = setUp(branched());
        CreatedRevision merge = author().merge(new NewRevision("join a and b", List.of(), List.of(), List.of(), true,
                IdScheme.SEQUENCE));
        assertThat(merge.id()).isEqualTo("0003_join_a_and_b");
        assertThat(merge.parents()).containsExactly("0002_a", "0002_b");
        assertThat(dir.resolve("sql/0003_join_a_and_b.up.sql")).content().contains("-- Merges 0002_a, 0002_b.");
        Changelog loaded = ChangelogLoader.loadGraph(changelog, FileChecks.FULL).orThrow().changelog();
        assertThat(loaded.revisions().get(3).isMerge()).isTrue();

        assertThatThrownBy(() -> author().merge(NewRevision.of("again")))
                .isInstanceOf(TargetException.class).hasMessageContaining("only one head");
    }

    @Test
    void anInvalidResultIsRolledBack() throws IOException {
        Path changelog = setUp(COMMENTED.replace("    parents: [0001_users]\n", "    parents: [0001_users]\n    labels: [shop]\n"));
        String before = Files.readString(changelog);
        assertThatThrownBy(() -> author().create(new NewRevision("dup label", List.of(), List.of("shop"), List.of(),
                true, IdScheme.SEQUENCE))).isInstanceOf(ChangelogException.class);
        assertThat(Files.readString(changelog)).isEqualTo(before);
        assertThat(dir.resolve("sql/0003_dup_label.up.sql")).doesNotExist();
    }

    @Test
    void slugs() {
        assertThat(RevisionAuthor.slug("Add users (v2)!")).isEqualTo("add_users_v2");
        assertThat(RevisionAuthor.slug("Ärger")).isEqualTo("rger");
        assertThat(RevisionAuthor.slug("!!!")).isEqualTo("revision");
    }

    private String branched() {
        return """
                changelog: 1
                revisions:
                  - id: 0001_users
                    parents: []
                    up: sql/0001_users.up.sql
                    down: sql/0001_users.down.sql
                  - id: 0002_a
                    parents: [0001_users]
                    up: sql/0002_orders.up.sql
                  - id: 0002_b
                    parents: [0001_users]
                    up: sql/0002_orders.down.sql
                """;
    }

    private RevisionAuthor author() {
        return new RevisionAuthor(dir.resolve("changelog.yaml"), CLOCK);
    }

    private Path setUp(String text) throws IOException {
        Files.createDirectories(dir.resolve("sql"));
        for (String f : List.of("0001_users.up.sql", "0001_users.down.sql", "0002_orders.up.sql", "0002_orders.down.sql")) {
            Files.writeString(dir.resolve("sql").resolve(f), "SELECT 1;\n");
        }
        Path changelog = dir.resolve("changelog.yaml");
        Files.writeString(changelog, text, StandardCharsets.UTF_8);
        return changelog;
    }
}
