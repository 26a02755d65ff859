package io.graft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line is a user of the engine like any application: it may use the facade and its
 * types ({@code io.graft}) and the changelog model ({@code io.graft.changelog}), never the
 * engine's internals ({@code io.graft.internal}, which change without notice). The fleet API
 * ({@code io.graft.fleet}) is public too.
 */
class ApiBoundaryTest {

    private static final Pattern ENGINE_REFERENCE = Pattern.compile("\\bio\\.graft\\.(?!cli\\b)([a-z][a-z0-9_]*)(\\.[a-z][a-z0-9_]*)*\\.[A-Z*]");
    private static final List<String> EXPORTED = List.of("changelog", "fleet");

    @Test
    void theCommandLineUsesOnlyTheEnginesApi() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> violations;
        try (Stream<Path> files = Files.walk(sources)) {
            violations = files.filter(p -> p.toString().endsWith(".java")).flatMap(ApiBoundaryTest::internalReferences).toList();
        }
        assertThat(violations).isEmpty();
    }

    private static Stream<String> internalReferences(Path file) {
        try {
            String text = Files.readString(file);
            Stream.Builder<String> found = Stream.builder();
            Matcher m = ENGINE_REFERENCE.matcher(text);
            while (m.find()) {
                if (!EXPORTED.contains(m.group(1))) {
                    found.add(file + ": " + m.group());
                }
            }
            return found.build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
