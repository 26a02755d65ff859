package io.graft.internal.changelog;

import io.graft.internal.text.DidYouMean;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The rules every SQL file named by the changelog follows: a relative path that stays inside the
 * changelog's folder, also through symbolic links, naming an existing regular file in UTF-8.
 * Problems point at the path in the changelog, except encoding errors, which point into the file.
 * The checks of a path's text run as it is read; those that ask the file system wait for
 * {@link #finish()}, which a load without file checks never calls. The bytes read for the UTF-8
 * check go to the changelog's {@link SqlSources}, so that nothing reads them again; a file whose
 * stamp has not moved since it was last read and found valid is not read at all
 * ({@link KnownChecksums}).
 */
final class SqlFiles {

    /** Absolute on any OS: the changelog is shared between machines. */
    private static final Pattern ABSOLUTE = Pattern.compile("^([A-Za-z]:)?[/\\\\].*|^[A-Za-z]:.*");

    private final Path baseDir;
    private final Path displayDir;
    private final SqlSources sources;
    private final List<Pending> pending = new ArrayList<>();
    /** Paths to give to {@link #check} first thing at {@link #finish()}: see {@link #checkAtFinish}. */
    private final List<Consumer<List<Problem>>> atFinish = new ArrayList<>();
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();
    private volatile Path realBaseDir;

    /**
     * @param baseDir the changelog's folder, absolute
     * @param displayDir the same folder as the user named it, or {@code null} for the working directory
     * @param sources where the bytes read by the checks go
     */
    SqlFiles(Path baseDir, Path displayDir, SqlSources sources) {
        this.baseDir = baseDir;
        this.displayDir = displayDir;
        this.sources = sources;
    }

    /**
     * Checks one path written in the changelog: its text at once, the file itself at {@link #finish()}.
     *
     * @param raw the path as written
     * @param where where it is written
     * @param what how to name it in messages, e.g. {@code up file} or {@code sqlite down file}
     * @param revision how to name its revision, e.g. {@code revision '0001_users'}
     * @param problems where the problems of the path's text go
     */
    void check(String raw, SourceSpan where, String what, String revision, List<Problem> problems) {
        String subject = what + " '" + raw + "' of " + revision;
        if (ABSOLUTE.matcher(raw).matches()) {
            problems.add(Problem.at(where, subject + " is an absolute path",
                    "write it relative to the changelog's folder"));
            return;
        }
        if (raw.indexOf('\\') >= 0) {
            problems.add(Problem.at(where, subject + " uses '\\' as a separator",
                    "write '" + raw.replace('\\', '/') + "': '/' works on every OS"));
            return;
        }
        Path resolved;
        try {
            resolved = baseDir.resolve(raw).normalize();
        } catch (InvalidPathException e) {
            problems.add(Problem.at(where, subject + " is not a valid path: " + e.getReason()));
            return;
        }
        if (!resolved.startsWith(baseDir)) {
            problems.add(Problem.at(where, subject + " is outside the changelog's folder",
                    "keep SQL files in the changelog's folder or below it"));
            return;
        }
        pending.add(new Pending(raw, resolved, where, subject));
    }

    /**
     * Runs the checks that ask the file system, for every path given to {@link #check} since the
     * last call, on all cores: a changelog names thousands of files, and each costs a few system
     * calls and a read. Problems come in the order the paths were given, whatever the threads did
     * first.
     */
    List<Problem> finish() {
        List<Problem> problems = new ArrayList<>();
        atFinish.forEach(paths -> paths.accept(problems));
        atFinish.clear();
        List<Path> files = new ArrayList<>(pending.stream().map(Pending::resolved).distinct().toList());
        try {
            realBaseDir();
        } catch (IOException e) {
            // every file then reports that it cannot be read
        }
        long checkStartMillis = System.currentTimeMillis();
        List<Verdict> verdicts = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> onDisk(files.get(i), checkStartMillis))
                .toList();
        Map<Path, Verdict> byPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            byPath.put(files.get(i), verdicts.get(i));
        }
        Set<Path> encodingReported = new HashSet<>();
        for (Pending file : pending) {
            Verdict verdict = byPath.get(file.resolved());
            if (verdict.encoding() == null || encodingReported.add(file.resolved())) {
                report(file, verdict, problems);
            }
        }
        pending.clear();
        return problems;
    }

    /**
     * Gives {@code paths} the paths to {@link #check} when {@link #finish()} runs, not now: for a
     * model kept from a read that found nothing wrong with its paths' text ({@link KeptChangelog}),
     * a command that asks nothing of the file system need not look at them at all.
     */
    void checkAtFinish(Consumer<List<Problem>> paths) {
        atFinish.add(paths);
    }

    /** A path that passed the checks of its text, waiting for the file system's. */
    private record Pending(String raw, Path resolved, SourceSpan where, String subject) {
    }

    /** What the file system says of a path: nothing wrong when every field is null. */
    private record Verdict(boolean missing, Path leadsTo, String unreadable, boolean notAFile, Utf8.Error encoding) {
        static final Verdict FINE = new Verdict(false, null, null, false, null);
    }

    private void report(Pending file, Verdict verdict, List<Problem> problems) {
        SourceSpan where = file.where();
        String subject = file.subject();
        if (verdict.missing()) {
            problems.add(Problem.at(where, subject + " does not exist", missingHint(file.raw(), file.resolved())));
        } else if (verdict.leadsTo() != null) {
            problems.add(Problem.at(where, subject + " leads outside the changelog's folder, to " + verdict.leadsTo(),
                    "a symbolic link on the way points outside; copy the file into the changelog's folder"));
        } else if (verdict.unreadable() != null) {
            problems.add(Problem.at(where, subject + " cannot be read: " + verdict.unreadable()));
        } else if (verdict.notAFile()) {
            problems.add(Problem.at(where, subject + " is not a regular file", "name a file, not a folder"));
        } else if (verdict.encoding() != null) {
            Utf8.Error error = verdict.encoding();
            SourceSpan inFile = new SourceSpan(display(file.raw()), error.line(), error.column());
            problems.add(Problem.at(inFile, "not valid UTF-8 (" + error.describe() + ")",
                    "save the file as UTF-8; it is the " + subject + " at " + where));
        }
    }

    /**
     * Runs on any thread: touches nothing shared but the folders' real paths, the sources and the
     * known checksums. A regular file whose stamp is unchanged since it was last read and found
     * valid is not read again ({@link KnownChecksums}).
     */
    private Verdict onDisk(Path resolved, long checkStartMillis) {
        Lstat attributes;
        try {
            attributes = Lstat.of(resolved);
        } catch (IOException e) {
            return new Verdict(true, null, null, false, null);
        }
        Path real;
        try {
            real = realPath(resolved, attributes.link());
            if (real == null) {
                return new Verdict(true, null, null, false, null);
            }
            if (!real.startsWith(realBaseDir())) {
                return new Verdict(false, real, null, false, null);
            }
            KnownChecksums.Stamp stamp = attributes.link() ? null : attributes.stamp();
            if (attributes.link()) {
                BasicFileAttributes target = Files.readAttributes(real, BasicFileAttributes.class);
                attributes = new Lstat(false, target.isRegularFile(), target.size(), null);
            }
            if (!attributes.regular()) {
                return new Verdict(false, null, null, true, null);
            }
            KnownChecksums known = sources.known();
            String key = stamp == null || !known.keeps() ? null : stampKey(resolved);
            // A file changed within the settling time has no stamp kept (a later change could carry
            // the same times), and gets none now: it is read, and its bytes need no fingerprint.
            boolean stamping = key != null && known.settled(stamp, checkStartMillis);
            SqlSource source = sources.at(resolved);
            KnownChecksums.Fingerprint fingerprint = stamping ? known.stamped(key, stamp) : null;
            if (fingerprint != null) {
                source.stampedAs(fingerprint);
                return Verdict.FINE;
            }
            Utf8.Error error;
            if (attributes.size() <= SqlSource.HELD_AT_LOAD) {
                byte[] bytes = SqlSource.readAll(real, attributes.size());
                error = Utf8.firstError(bytes);
                fingerprint = stamping ? KnownChecksums.Fingerprint.of(bytes) : null;
                source.hold(bytes, fingerprint);
            } else {
                KnownChecksums.Fingerprinting in = new KnownChecksums.Fingerprinting(Files.newInputStream(real));
                try (in) {
                    error = Utf8.isValid(in) ? null : largeFileError(real, attributes.size());
                }
                fingerprint = in.fingerprint();
                source.stampedAs(fingerprint);
            }
            if (error != null) {
                return new Verdict(false, null, null, false, error);
            }
            if (stamping) {
                known.stamp(key, stamp, fingerprint, checkStartMillis);
            }
            return Verdict.FINE;
        } catch (IOException e) {
            return new Verdict(false, null, e.getMessage(), false, null);
        }
    }

    /**
     * The path of {@code resolved} relative to the changelog's folder, as the key of its stamp:
     * cut from the absolute path's text, which {@code Path.relativize} costs several times over in
     * a fresh JVM, for thousands of files.
     */
    private String stampKey(Path resolved) {
        String base = baseDir.toString();
        String path = resolved.toString();
        return path.substring(base.endsWith(resolved.getFileSystem().getSeparator()) ? base.length() : base.length() + 1);
    }

    /**
     * What {@code lstat} says of a path. The {@link KnownChecksums.Stamp stamp} is {@code null}
     * where the OS has no "unix" attribute view (Windows): its files are then read every time.
     */
    record Lstat(boolean link, boolean regular, long size, KnownChecksums.Stamp stamp) {

        private static final String UNIX = "unix:size,lastModifiedTime,ctime,ino,dev,isRegularFile,isSymbolicLink";

        static Lstat of(Path path) throws IOException {
            // Asked per file system, never remembered for the process: a changelog in a jar (a zip
            // file system) has no "unix" view, and the next one on disk must still be stamped.
            if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                try {
                    Map<String, Object> a = Files.readAttributes(path, UNIX, LinkOption.NOFOLLOW_LINKS);
                    long size = (Long) a.get("size");
                    KnownChecksums.Stamp stamp = new KnownChecksums.Stamp(size, nanos(a.get("lastModifiedTime")),
                            nanos(a.get("ctime")), ((Number) a.get("ino")).longValue(),
                            ((Number) a.get("dev")).longValue());
                    return new Lstat((Boolean) a.get("isSymbolicLink"), (Boolean) a.get("isRegularFile"), size, stamp);
                } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException
                         | NullPointerException e) {
                    // a file system that names the view but does not give these: no stamp
                }
            }
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Lstat(basic.isSymbolicLink(), basic.isRegularFile(), basic.size(), null);
        }

        private static long nanos(Object time) {
            return ((FileTime) time).to(TimeUnit.NANOSECONDS);
        }
    }

    /** A file too large to hold, found not to be UTF-8 in bulk: read again to locate the error. */
    private static Utf8.Error largeFileError(Path real, long size) throws IOException {
        try (InputStream in = Files.newInputStream(real)) {
            return Utf8.firstError(in, size);
        }
    }

    /**
     * {@code resolved} with every symbolic link on the way resolved, or {@code null} when a link
     * leads nowhere. The folders' real paths are asked once each: a changelog names thousands of
     * files in a few folders, and asking the OS for each file's whole path costs a call per folder
     * on the way.
     */
    private Path realPath(Path resolved, boolean link) throws IOException {
        if (link) {
            return Files.exists(resolved) ? resolved.toRealPath() : null;
        }
        Path folder = resolved.getParent();
        Path realFolder = realFolders.get(folder);
        if (realFolder == null) {
            realFolder = folder.toRealPath();
            realFolders.putIfAbsent(folder, realFolder);
        }
        return realFolder.resolve(resolved.getFileName());
    }

    /** Asked once, from any thread: two threads that both find it missing ask twice, harmlessly. */
    private Path realBaseDir() throws IOException {
        Path real = realBaseDir;
        if (real == null) {
            real = baseDir.toRealPath();
            realBaseDir = real;
        }
        return real;
    }

    /** The SQL file's path as the user would type it from the working directory. */
    private String display(String raw) {
        return (displayDir == null ? Path.of(raw) : displayDir.resolve(raw)).normalize().toString();
    }

    /** A near-miss among the files next to where the missing one should be, or where Graft looked. */
    private String missingHint(String raw, Path resolved) {
        Path folder = resolved.getParent();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> siblings = Files.list(folder)) {
                List<String> names = siblings.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .toList();
                Optional<String> near = DidYouMean.closest(resolved.getFileName().toString(), names);
                if (near.isPresent()) {
                    int slash = raw.lastIndexOf('/');
                    return "did you mean '" + raw.substring(0, slash + 1) + near.get() + "'?";
                }
            } catch (IOException e) {
                // no suggestion then
            }
        }
        return "looked for " + display(raw) + "; paths are relative to the changelog's folder";
    }
}
