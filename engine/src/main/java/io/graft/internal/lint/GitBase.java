package io.graft.internal.lint;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The changelog as it was at a git ref, read with {@code git show REF:path} (no checkout) into a
 * temporary folder with the same layout, so that {@code ChangelogLoader} can read it.
 */
final class GitBase {

    private final Path changelog;
    private final String ref;

    GitBase(Path changelog, String ref) {
        this.changelog = changelog.toAbsolutePath().normalize();
        this.ref = ref;
    }

    /**
     * Copies the changelog at the ref and every SQL file it names into {@code into}; returns the
     * copied changelog, or empty when the changelog did not exist at the ref (nothing released yet).
     *
     * @throws ChangelogException when this is no git repository or the ref is unknown
     */
    Optional<Path> extract(Path into) {
        Path folder = changelog.getParent();
        String top = git(folder, "rev-parse", "--show-toplevel").trim();
        Path root;
        Path realFolder;
        try {
            root = Path.of(top).toRealPath();
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            throw fail("cannot resolve the repository root: " + e.getMessage(), null);
        }
        String relFolder = slashes(root.relativize(realFolder).toString());
        String prefix = relFolder.isEmpty() ? "" : relFolder + "/";
        run(folder, true, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        Result yaml = run(folder, false, "show", ref + ":" + prefix + changelog.getFileName());
        if (yaml.code() != 0) {
            return Optional.empty();
        }
        Path copy = into.resolve(changelog.getFileName().toString());
        write(copy, yaml.out());
        for (String file : filesNamed(yaml.out())) {
            if (file.startsWith("/") || file.contains("..")) {
                continue;
            }
            Result sql = run(folder, false, "show", ref + ":" + prefix + file);
            if (sql.code() == 0) {
                write(into.resolve(file), sql.out());
            }
        }
        return Optional.of(copy);
    }

    /** Every up/down path of a changelog, read leniently (the loader judges the rest). */
    @SuppressWarnings("unchecked")
    private static List<String> filesNamed(byte[] yaml) {
        List<String> files = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            Object root = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options))
                    .load(new String(yaml, StandardCharsets.UTF_8));
            if (root instanceof Map<?, ?> map && map.get("revisions") instanceof List<?> revisions) {
                for (Object r : revisions) {
                    if (r instanceof Map<?, ?> rev) {
                        for (String key : List.of("up", "down", "test")) {
                            Object v = rev.get(key);
                            if (v instanceof String s) {
                                files.add(s);
                            } else if (v instanceof Map<?, ?> perDialect) {
                                perDialect.values().forEach(f -> {
                                    if (f instanceof String s) {
                                        files.add(s);
                                    }
                                });
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // an unreadable old changelog: the loader will say so
        }
        return files;
    }

    private record Result(int code, byte[] out, String err) {
    }

    private String git(Path dir, String... args) {
        return new String(run(dir, true, args).out(), StandardCharsets.UTF_8);
    }

    private Result run(Path dir, boolean mustSucceed, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            int code = process.waitFor();
            Result result = new Result(code, out, new String(err.join(), StandardCharsets.UTF_8).trim());
            if (mustSucceed && code != 0) {
                if (args[0].equals("rev-parse") && args.length > 1 && args[1].equals("--verify")) {
                    throw fail("unknown git ref '" + ref + "'",
                            "fetch it first, e.g. 'git fetch origin main' and use origin/main");
                }
                throw fail("git " + String.join(" ", args) + " failed: " + result.err(),
                        "run graft lint --base inside a git repository");
            }
            return result;
        } catch (IOException e) {
            throw fail("cannot run git: " + e.getMessage(), "install git, or lint without --base");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted while running git", null);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private ChangelogException fail(String message, String hint) {
        return new ChangelogException(Problem.at(SourceSpan.file(changelog.toString()),
                "--base " + ref + ": " + message, hint));
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
