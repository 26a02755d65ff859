package io.graft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * {@code FlywayLoop FOLDER TARGETS USER}: {@code Flyway.migrate()} on each URL of the targets file
 * in turn, in this one JVM, as multi-tenant Java applications do it today; a PostgreSQL URL's
 * {@code currentSchema} becomes Flyway's schema (its history and search path).
 */
public final class FlywayLoop {

    private static final Pattern SCHEMA = Pattern.compile("[?&]currentSchema=([^&]*)");

    private FlywayLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        List<String> urls = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        String user = args.length > 2 && !args[2].isEmpty() ? args[2] : null;
        int migrations = 0;
        for (String url : urls) {
            Matcher m = SCHEMA.matcher(url);
            var config = Flyway.configure().dataSource(m.find() ? url.replace(m.group(), "") : url, user, null)
                    .locations("filesystem:" + folder);
            SCHEMA.matcher(url).results().findFirst().ifPresent(r -> config.schemas(r.group(1)));
            migrations += config.load().migrate().migrationsExecuted;
        }
        System.out.println("flyway applied " + migrations + " migrations on " + urls.size() + " targets");
    }
}
