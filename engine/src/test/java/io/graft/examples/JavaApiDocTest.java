package io.graft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/java-api.md shows the examples of this package as they are compiled and run. */
class JavaApiDocTest {

    private static final Path ROOT = Path.of(System.getenv().getOrDefault("GRAFT_TEST_ROOT", ".."));
    private static final Path EXAMPLES = Path.of("src/test/java/io/graft/examples");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfThePageIsAnExampleFileAsItIs() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/java-api.md"));
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(page);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).hasSize(4);
        List<String> sources = new ArrayList<>();
        for (String name : List.of("MigrateOnStartup", "ProgressListener", "HandleErrors", "ClasspathAndDataSource")) {
            sources.add(Files.readString(EXAMPLES.resolve(name + ".java")));
        }
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(sources.get(i)).as("block %d of docs/java-api.md", i + 1).endsWith(blocks.get(i));
        }
    }
}
