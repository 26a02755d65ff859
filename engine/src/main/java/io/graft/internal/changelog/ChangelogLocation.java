package io.graft.internal.changelog;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns where a user says the changelog is into a {@link Path} the loader reads like any other:
 * a file, a {@code classpath:} resource, or a URI ({@code file:}, {@code jar:}, or any scheme an
 * installed file-system provider serves, such as Spring Boot's {@code jar:nested:}).
 *
 * <p>A resource in a jar becomes a path in that jar's zip file system, so the changelog and its
 * SQL files are read, checked (no escaping the changelog's folder) and hashed by the same code as
 * on disk, and a revision applied from the files has the same checksum when it runs from the jar.
 * A jar inside a jar ({@code jar:file:/app.jar!/lib/db.jar!/db/changelog.yaml}) is opened inside
 * the outer one. The zip file systems stay open for the life of the process, one per jar, as the
 * class loader keeps its jars open.
 */
public final class ChangelogLocation {

    /** The prefix of a location on the class path, as Spring and Flyway spell it. */
    public static final String CLASSPATH = "classpath:";

    private static final Map<String, FileSystem> JARS = new ConcurrentHashMap<>();

    private ChangelogLocation() {
    }

    /**
     * {@code location} as a path: {@code classpath:db/changelog.yaml} is looked up with
     * {@code loader} (a leading {@code /} is allowed); anything else is a file path.
     */
    public static Path resolve(String location, ClassLoader loader) {
        if (!location.startsWith(CLASSPATH)) {
            return Path.of(location);
        }
        String resource = location.substring(CLASSPATH.length());
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        URL url = resource.isEmpty() ? null : loader.getResource(resource);
        if (url == null) {
            throw notFound(location, "changelog not found on the class path",
                    "put it under src/main/resources/" + (resource.isEmpty() ? "db/changelog.yaml" : resource)
                            + " (or name the right resource)");
        }
        try {
            return resolve(url.toURI(), location);
        } catch (URISyntaxException e) {
            throw notFound(location, "the class path gives the changelog an address that is not a URI: " + url, null);
        }
    }

    /** {@code uri} as a path; {@code jar:} URIs open (once) the jar's zip file system. */
    public static Path resolve(URI uri) {
        return resolve(uri, uri.toString());
    }

    private static Path resolve(URI uri, String shown) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Path.of(uri.getPath());
        }
        try {
            if ("file".equalsIgnoreCase(scheme)) {
                return Path.of(uri);
            }
            if ("jar".equalsIgnoreCase(scheme)) {
                return inJar(uri);
            }
            return Path.of(uri);
        } catch (FileSystemNotFoundException | ProviderNotFoundException | IllegalArgumentException e) {
            throw notFound(shown, "cannot read a changelog from a '" + scheme + ":' address",
                    "give a file, a classpath: resource or a jar: URI");
        } catch (IOException e) {
            throw notFound(shown, "cannot open the jar that holds the changelog: " + e.getMessage(), null);
        }
    }

    /**
     * A path in a jar; each {@code !/} after the first opens a jar inside the previous one. A
     * scheme the JDK does not serve itself ({@code jar:nested:}) is left to the installed providers.
     */
    private static Path inJar(URI uri) throws IOException {
        String spec = uri.getRawSchemeSpecificPart();
        if (!spec.regionMatches(true, 0, "file:", 0, 5)) {
            return inFileSystem(uri);
        }
        String[] parts = spec.split("!/");
        if (parts.length < 2) {
            throw new IllegalArgumentException("no entry in " + uri);
        }
        Path jar = Path.of(URI.create(parts[0]));
        FileSystem fs = open(jar);
        for (int i = 1; i < parts.length - 1; i++) {
            fs = open(fs.getPath("/" + decode(parts[i])));
        }
        return fs.getPath("/" + decode(parts[parts.length - 1]));
    }

    private static FileSystem open(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no such jar: " + jar.toUri());
        }
        String key = jar.toUri().toString();
        FileSystem open = JARS.get(key);
        if (open != null && open.isOpen()) {
            return open;
        }
        synchronized (JARS) {
            open = JARS.get(key);
            if (open == null || !open.isOpen()) {
                open = FileSystems.newFileSystem(jar, (ClassLoader) null);
                JARS.put(key, open);
            }
            return open;
        }
    }

    /** Providers find their own file system for a URI once it is opened; open it the first time. */
    private static Path inFileSystem(URI uri) throws IOException {
        try {
            return Path.of(uri);
        } catch (FileSystemNotFoundException e) {
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException raced) {
                // another thread opened it meanwhile
            }
            return Path.of(uri);
        }
    }

    private static String decode(String raw) {
        return URI.create("x:/" + raw).getPath().substring(1);
    }

    private static ChangelogException notFound(String location, String message, String hint) {
        return new ChangelogException(Problem.at(SourceSpan.file(location), message, hint));
    }

    /** Whether the changelog lives in a jar (or any file system but the default): it cannot be edited there. */
    public static boolean readOnly(Path changelog) {
        return changelog.getFileSystem() != FileSystems.getDefault();
    }
}
