package io.graft.internal.sql;

import io.graft.internal.dialect.Dialects;
import static org.junit.jupiter.api.Assertions.fail;

import io.graft.ChangelogException;
import io.graft.changelog.DialectId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code sql/<dialect>/<case>.sql} against its {@code <case>.golden}; the format is
 * described in {@code src/test/resources/sql/README.md}. Run with {@code -Dgraft.golden.update=true}
 * to rewrite the golden files from the splitter's output (then review the diff before committing).
 */
class GoldenSplitTest {

    private static final Path ROOT = Path.of("src/test/resources/sql");
    private static final boolean UPDATE = Boolean.getBoolean("graft.golden.update");

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (DialectId dialect : DialectId.values()) {
            Path dir = ROOT.resolve(dialect.key());
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".sql")).sorted()
                        .forEach(sql -> tests.add(DynamicTest.dynamicTest(dialect.key() + "/" + sql.getFileName(),
                                sql.toUri(), () -> check(dialect, sql))));
            }
        }
        return tests.stream();
    }

    /** How many golden cases each dialect has; used by {@link #enoughCases()}. */
    static long count(DialectId dialect) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(dialect.key()))) {
            return files.filter(p -> p.toString().endsWith(".sql")).count();
        }
    }

    @org.junit.jupiter.api.Test
    void enoughCases() throws IOException {
        long total = 0;
        for (DialectId d : DialectId.values()) {
            total += count(d);
        }
        if (total < 60) {
            fail("only " + total + " golden cases");
        }
    }

    private static void check(DialectId dialect, Path sqlFile) throws IOException {
        String name = sqlFile.getFileName().toString();
        Path goldenFile = sqlFile.resolveSibling(name.substring(0, name.length() - 4) + ".golden");
        String sql = Files.readString(sqlFile, StandardCharsets.UTF_8);
        String actual = render(dialect, dialect.key() + "/" + name, sql);
        String golden = Files.exists(goldenFile) ? Files.readString(goldenFile, StandardCharsets.UTF_8) : "";
        int body = bodyStart(golden);
        String header = golden.substring(0, body);
        String expected = golden.substring(body);
        if (UPDATE) {
            if (!actual.equals(expected)) {
                Files.writeString(goldenFile, header + actual, StandardCharsets.UTF_8);
            }
            return;
        }
        if (!Files.exists(goldenFile)) {
            fail("missing " + goldenFile + "; the splitter gives:\n" + actual);
        }
        if (!actual.equals(expected)) {
            fail("split of " + sqlFile + " differs from " + goldenFile.getFileName()
                    + " (- expected, + actual):\n" + diff(expected, actual));
        }
    }

    /** The splitter's output in the golden format. */
    static String render(DialectId dialect, String fileName, String sql) {
        StringBuilder out = new StringBuilder();
        try {
            for (SqlStatement st : SqlSplitter.split(sql, fileName, Dialects.of(dialect).splitOptions())) {
                out.append("-- @statement ").append(st.span().line()).append(':').append(st.span().column())
                        .append('\n').append(st.sql()).append('\n');
                if (st.copyData() != null) {
                    out.append("-- @copy\n").append(st.copyData());
                }
            }
        } catch (ChangelogException e) {
            out.append("-- @error\n").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** Where the first {@code -- @} marker line starts; everything before it describes the case. */
    private static int bodyStart(String golden) {
        int i = 0;
        while (i < golden.length()) {
            if (golden.startsWith("-- @", i)) {
                return i;
            }
            int nl = golden.indexOf('\n', i);
            if (nl < 0) {
                break;
            }
            i = nl + 1;
        }
        return golden.length();
    }

    /** A line diff (longest common subsequence); the files are small. */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.append("  ").append(a[i++]).append('\n');
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.append("- ").append(a[i++]).append('\n');
            } else {
                out.append("+ ").append(b[j++]).append('\n');
            }
        }
        return out.toString();
    }

}
