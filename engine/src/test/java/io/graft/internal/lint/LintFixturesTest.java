package io.graft.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Finding;
import io.graft.LintOptions;
import io.graft.LintReport;
import io.graft.changelog.DialectId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under {@code src/test/resources/lint/<case>/}: a changelog, its SQL, the
 * exact findings expected in {@code expected.txt} ({@code file:line:col: severity [rule] message},
 * paths relative to the case folder), and optionally the dialect to read undeclared SQL as in
 * {@code dialect} (default postgresql; {@code auto} lets lint guess).
 */
class LintFixturesTest {

    static final Path ROOT = Path.of("src/test/resources/lint");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsMatchExpected(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        LintReport report = Linter.lint(dir.resolve("changelog.yaml"),
                LintOptions.builder().dialect(dialect(dir)).build());
        List<String> actual = report.findings().stream().map(f -> render(f, dir)).toList();
        Path expected = dir.resolve("expected.txt");
        if (!Files.exists(expected)) {
            Files.write(expected, actual, StandardCharsets.UTF_8);
            throw new AssertionError("wrote " + expected + " from this run: review it and run again");
        }
        assertThat(actual).containsExactlyElementsOf(
                Files.readAllLines(expected, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
    }

    static String render(Finding f, Path dir) {
        String prefix = dir.toString() + "/";
        String text = f.render();
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static DialectId dialect(Path dir) throws IOException {
        Path file = dir.resolve("dialect");
        if (!Files.exists(file)) {
            return DialectId.POSTGRESQL;
        }
        String key = Files.readString(file).strip();
        return key.equals("auto") ? null : DialectId.fromKey(key).orElseThrow();
    }
}
