package io.graft.internal.importer;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the project's own Alembic: {@code python -c DRIVER URL ARGS...} in the folder of
 * {@code alembic.ini}, which is Alembic's command line ({@code alembic ARGS...}) with
 * {@code sqlalchemy.url} replaced in memory by {@code URL} before env.py runs. The project's
 * files are left as they are: no copy of alembic.ini (its {@code %(here)s} would move), no
 * {@code -x} (env.py would have to read it), no bytecode written beside the scripts.
 *
 * <p>The Python is the first of {@code $GRAFT_ALEMBIC_PYTHON}, the project's {@code .venv} or
 * {@code venv}, {@code python3}, {@code /usr/bin/python3} and {@code python} that can import
 * alembic.
 */
final class AlembicCommand {

    /** Alembic's own {@code CommandLine}, with the URL set on its {@code Config} before the command runs. */
    private static final String DRIVER = String.join("\n",
            "import sys",
            "from alembic.config import CommandLine, Config",
            "url = sys.argv[1]",
            "cl = CommandLine(prog='alembic')",
            "options = cl.parser.parse_args(sys.argv[2:])",
            "cfg = Config(file_=options.config, ini_section=options.name, cmd_opts=options)",
            "if url:",
            "    cfg.set_main_option('sqlalchemy.url', url.replace('%', '%%'))",
            "cl.run_cmd(cfg, options)",
            "");

    private static final Pattern FRAME = Pattern.compile("^\\s*File \"(.+)\", line (\\d+), in (.+)$");

    /**
     * What one run printed.
     *
     * @param exit the exit code
     * @param out standard output: the SQL in offline mode
     * @param err standard error: Alembic's log lines and, on failure, its error
     */
    record Output(int exit, String out, String err) {

        /** The last line of the error: Alembic's {@code FAILED: ...}, or the exception Python printed. */
        String error() {
            String[] lines = err.strip().split("\r?\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    return line.startsWith("FAILED: ") ? line.substring("FAILED: ".length()) : line;
                }
            }
            return "exit code " + exit;
        }

        /** The innermost traceback frame in {@code file}, as its line, or 0. */
        int lineIn(Path file) {
            int line = 0;
            String wanted = file.toAbsolutePath().normalize().toString();
            for (String row : err.split("\r?\n")) {
                Matcher m = FRAME.matcher(row);
                if (m.matches() && Path.of(m.group(1)).toAbsolutePath().normalize().toString().equals(wanted)) {
                    line = Integer.parseInt(m.group(2));
                }
            }
            return line;
        }
    }

    /**
     * What each Python (in each folder: a pyenv shim chooses by folder) said about alembic: starting
     * one takes seconds, and the answer does not change while this process runs.
     */
    private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

    private final Path dir;
    private final String python;
    private final String version;

    private AlembicCommand(Path dir, String python, String version) {
        this.dir = dir;
        this.python = python;
        this.version = version;
    }

    /** The Alembic that runs the project in {@code dir}; a located error saying how to install it when there is none. */
    static AlembicCommand find(Path dir) {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("GRAFT_ALEMBIC_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        for (String venv : List.of(".venv", "venv")) {
            for (String exe : List.of("bin/python", "Scripts/python.exe")) {
                Path p = dir.resolve(venv).resolve(exe);
                if (Files.isExecutable(p)) {
                    candidates.add(p.toString());
                }
            }
        }
        candidates.addAll(List.of("python3", "/usr/bin/python3", "python"));
        return find(dir, candidates);
    }

    /** The first of {@code candidates} (Python executables) that can import alembic, or the error saying there is none. */
    static AlembicCommand find(Path dir, List<String> candidates) {
        for (String candidate : candidates) {
            String version = PROBED.computeIfAbsent(candidate + "\u0000" + dir, k -> Optional.ofNullable(probe(candidate, dir)))
                    .orElse(null);
            if (version != null) {
                return new AlembicCommand(dir, candidate, version);
            }
        }
        throw new ChangelogException(Problem.at(SourceSpan.file(AlembicProject.display(dir)),
                "Alembic is not installed: importing runs the project's Alembic in offline mode (--sql) to get each"
                        + " revision's SQL, and no Python here can import alembic (tried " + String.join(", ", candidates)
                        + ")", "install it (pip install alembic; on Debian or Ubuntu: apt-get install python3-alembic),"
                        + " or set GRAFT_ALEMBIC_PYTHON to the Python of the project's virtualenv"));
    }

    /** The alembic version {@code python} imports, or null. */
    private static String probe(String python, Path dir) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import alembic, sqlalchemy; print(alembic.__version__)")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                String[] lines = out.split("\r?\n");
                return lines[lines.length - 1];
            }
            p.destroyForcibly();
        } catch (IOException notThere) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Alembic's version, e.g. {@code 1.8.1}. */
    String version() {
        return version;
    }

    /** Runs {@code alembic ARGS...} with {@code sqlalchemy.url} set to {@code url} (null: as configured). */
    Output run(String url, List<String> args) {
        List<String> command = new ArrayList<>(List.of(python, "-c", DRIVER, url == null ? "" : url));
        command.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("graft-alembic-", ".out");
            err = Files.createTempFile("graft-alembic-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            env.put("PYTHONUNBUFFERED", "1");
            env.put("PYTHONIOENCODING", "utf-8");
            Process p = builder.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw failure("alembic " + String.join(" ", args) + " did not finish within 10 minutes");
            }
            return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure("cannot run Alembic (" + python + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while Alembic ran");
        } finally {
            delete(out);
            delete(err);
        }
    }

    private ChangelogException failure(String message) {
        return new ChangelogException(Problem.at(SourceSpan.file(AlembicProject.display(dir.resolve(AlembicProject.INI))),
                message, "run the same alembic command by hand in " + AlembicProject.display(dir) + " to see why"));
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
