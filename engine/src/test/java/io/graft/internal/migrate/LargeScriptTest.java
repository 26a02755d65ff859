package io.graft.internal.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.Graft;
import io.graft.MigrationException;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.internal.dialect.Dialects;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import io.graft.testing.ChangelogFixture;
import io.graft.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file of tens of MB is split from its bytes and its statements decoded one at a time: the
 * statements, their places and the checksum must be those of the text as written, and the file
 * must apply as any other. The expected statements come from the generator, not from the splitter.
 */
class LargeScriptTest {

    /** About 24 MB to split; half of it applied on each database, which keeps the test near 10 s in all. */
    private static final int BYTES = 24 * 1024 * 1024;

    @TempDir
    Path dir;

    /** The file and what the splitter must find in it, built side by side. */
    private static final class Generated {
        final StringBuilder text = new StringBuilder(BYTES + 4096);
        final List<SqlStatement> statements = new ArrayList<>();
        final String file;
        int rows;
        int line = 1;
        int lineStart;

        Generated(String file) {
            this.file = file;
        }

        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    lineStart = text.length() + i + 1;
                }
            }
            text.append(s);
        }

        void statement(String sql) {
            statements.add(new SqlStatement(sql, new SourceSpan(file, line, text.length() - lineStart + 1)));
            text(sql);
        }
    }

    /**
     * Multi-row inserts with strings holding {@code ;}, quotes, and text of 2, 3 and 4 bytes a
     * character (the last only in comments, which every database's charset takes), some lines
     * ending in CR LF, a long string literal, statements after comments on their line.
     */
    private static Generated generate(String file, int bytes) {
        Generated g = new Generated(file);
        g.text("-- big: a data load \uD834\uDD1E\r\n");
        g.statement("CREATE TABLE big (id INTEGER PRIMARY KEY, note VARCHAR(4000))");
        g.text(";\n");
        int k = 0;
        while (g.text.length() < bytes) {
            StringBuilder insert = new StringBuilder("INSERT INTO big (id, note) VALUES\n");
            for (int r = 0; r < 100; r++) {
                g.rows++;
                insert.append(r == 0 ? "  " : ",\n  ").append('(').append(g.rows).append(", 'row ").append(g.rows)
                        .append(g.rows % 7 == 0 ? " caf\u00e9; it''s 5 \u20ac" : "").append("')");
            }
            if (k % 50 == 0) {
                g.rows++;
                insert.append(",\r\n  (").append(g.rows).append(", '").append("long; -- not a comment ".repeat(150))
                        .append("')");
            }
            switch (k % 4) {
                case 0 -> g.text("/* \uD834\uDD1E \u20ac \u00e9; */ ");
                case 1 -> g.text("-- \u00e9\u00e9 \uD834\uDD1E;\r\n");
                case 2 -> g.text("\n");
                default -> {
                }
            }
            g.statement(insert.toString());
            g.text(k % 3 == 0 ? ";\r\n" : ";");
            k++;
        }
        g.text("\n");
        return g;
    }

    private Path save(Generated g) throws Exception {
        Path changelog = ChangelogFixture.in(dir).revision("big", List.of(), "", "DROP TABLE big;\n").save();
        Files.writeString(dir.resolve(g.file), g.text, StandardCharsets.UTF_8);
        return changelog;
    }

    @Test
    void theStatementsAndTheirPlacesAreThoseOfTheTextAsWritten() {
        Generated g = generate("big.up.sql", BYTES);
        byte[] utf8 = g.text.toString().getBytes(StandardCharsets.UTF_8);
        List<SqlStatement> split = SqlSplitter.split(utf8, g.file, Dialects.of(DialectId.POSTGRESQL).splitOptions());
        assertThat(split.size()).isEqualTo(g.statements.size());
        for (int i = 0; i < split.size(); i++) {
            assertThat(split.get(i)).as("statement %d", i + 1).isEqualTo(g.statements.get(i));
        }
        assertThat(SqlSplitter.split(g.text.toString(), g.file, Dialects.of(DialectId.POSTGRESQL).splitOptions()))
                .isEqualTo(split);
    }

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void aLargeFileAppliesWithTheChecksumOfItsBytes(DialectId dialect) throws Exception {
        Generated g = generate("sql/big.up.sql", BYTES / 2);
        Path changelog = save(g);
        try (TestDatabase db = TestDatabase.create(dialect);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            assertThat(graft.upgrade().steps()).hasSize(1);
            assertThat(((Number) db.query("SELECT COUNT(*) AS n FROM big").get(0).values().iterator().next()).intValue())
                    .isEqualTo(g.rows);
            assertThat(graft.status().applied().get(0).checksum())
                    .isEqualTo(sha256(g.text.toString().replace("\r\n", "\n")));
            assertThat(graft.status().applied().get(0).statementsTotal()).isEqualTo(g.statements.size());
        }
    }

    @Test
    void aStatementThatFailsDeepInALargeFileIsPlacedExactly() throws Exception {
        Generated g = generate("sql/big.up.sql", BYTES / 4);
        g.text("/* \uD834\uDD1E */\t ");
        g.statement("INSERT INTO missing VALUES (1)");
        g.text(";\n");
        Path changelog = save(g);
        SourceSpan expected = g.statements.get(g.statements.size() - 1).span();
        try (TestDatabase db = TestDatabase.create(DialectId.SQLITE);
                Graft graft = Graft.builder().changelog(changelog).url(db.url(), db.user(), db.password()).build()) {
            assertThatThrownBy(graft::upgrade).isInstanceOfSatisfying(MigrationException.class, e -> {
                assertThat(e.where()).isPresent();
                assertThat(e.where().get().file()).endsWith("big.up.sql");
                assertThat(e.where().get().line()).isEqualTo(expected.line());
                assertThat(e.where().get().column()).isEqualTo(expected.column());
            });
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
