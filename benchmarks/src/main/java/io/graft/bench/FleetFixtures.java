package io.graft.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the fleet harnesses ({@link FleetBench}, {@link FleetChaos}) share: the command line of a
 * Graft process and the URLs of SQLite files and PostgreSQL schemas.
 */
final class FleetFixtures {

    private FleetFixtures() {
    }

    /** The command: {@code java -jar graftJar}, or (tests) Graft's main class on this class path. */
    static List<String> graft(Path graftJar, String... rest) {
        List<String> command = graftJar != null ? java("-jar", graftJar.toString())
                : java("-cp", classPath(), "io.graft.cli.Main");
        command.addAll(List.of(rest));
        return command;
    }

    /** This JVM's java with the launcher flags of every timed process. */
    static List<String> java(String... rest) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Suite.LAUNCHER_FLAGS);
        command.addAll(List.of(rest));
        return command;
    }

    /**
     * This JVM's class path with every entry absolute: the processes run in the targets' folder,
     * where a relative entry ({@code benchmarks/target/...}) names nothing.
     */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** {@code jdbc:sqlite:} URLs of {@code n} files {@code PREFIX00000.db} in {@code folder} (not created). */
    static List<String> sqliteUrls(Path folder, String prefix, int n) throws IOException {
        Files.createDirectories(folder);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add("jdbc:sqlite:" + folder.resolve(String.format("%s%05d.db", prefix, i)));
        }
        return urls;
    }

    /** {@code pgUrl} pointed at {@code database}, its parameters kept. */
    static String pgDatabase(String pgUrl, String database) {
        return pgUrl.replaceAll("^(jdbc:postgresql://[^/]+)/[^?]*", "$1/" + database);
    }

    /** {@code pgUrl}'s server and database, without parameters. */
    static String pgBase(String pgUrl, String database) {
        return pgUrl.replaceAll("^(jdbc:postgresql://[^/]+)/[^?]*(\\?.*)?$", "$1/" + database);
    }

    /** The {@code user} parameter of a JDBC URL, or {@code fallback}. */
    static String user(String url, String fallback) {
        Matcher m = Pattern.compile("[?&]user=([^&]*)").matcher(url);
        return m.find() ? m.group(1) : fallback;
    }
}
