package io.graft.internal.dialect;

import io.graft.DatabaseUrlException;
import io.graft.changelog.DialectId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every database URL a user may type into the JDBC URL Graft connects with, and the user
 * and password it carries: JDBC URLs ({@code jdbc:postgresql:}, {@code jdbc:mysql:},
 * {@code jdbc:mariadb:}, {@code jdbc:sqlite:}) and the URLs libpq and SQLAlchemy take (Alembic's
 * {@code sqlalchemy.url}): {@code postgresql://}, {@code postgres://}, {@code mysql://},
 * {@code mariadb://}, {@code sqlite:///relative.db}, {@code sqlite:////absolute.db}, each with an
 * optional {@code +driver} part that is ignored.
 *
 * <p>User info ({@code user:password@}) is taken out of the URL (neither JDBC driver reads it) and
 * percent-decoded. libpq's query parameters become the driver's ({@code sslmode}, {@code
 * application_name}, {@code connect_timeout}, ...); parameters it does not know pass through.
 * {@code jdbc:mysql:} becomes {@code jdbc:mariadb:}, the scheme of the driver Graft ships (MariaDB
 * Connector/J speaks to MySQL and MariaDB). Anything else is a {@link DatabaseUrlException} whose
 * one-line message never repeats the URL beyond its scheme: the rest may hold a password.
 */
public final class DatabaseUrls {

    /** The URL Graft connects with, and the credentials the URL carried (null when it had none). */
    public record Parsed(DialectId dialect, String jdbcUrl, String user, String password) {
    }

    /** The accepted forms, for error messages and the README. */
    public static final List<String> FORMS = List.of(
            "jdbc:postgresql://HOST[:PORT]/DB",
            "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB (also postgres://)",
            "jdbc:mysql://HOST[:PORT]/DB",
            "jdbc:mariadb://HOST[:PORT]/DB",
            "mysql://[USER[:PASSWORD]@]HOST[:PORT]/DB (also mariadb://)",
            "jdbc:sqlite:FILE",
            "sqlite:///RELATIVE.db",
            "sqlite:////ABSOLUTE.db");

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\+([A-Za-z0-9_.-]*))?:(.*)",
            Pattern.DOTALL);
    private static final Pattern JDBC = Pattern.compile("(?i)jdbc:([a-z0-9]+):(.*)", Pattern.DOTALL);
    /** MariaDB Connector/J's high-availability modes: {@code jdbc:mariadb:sequential://...}. */
    private static final Pattern MARIADB_MODE = Pattern.compile("(?i)(sequential|loadbalance|replication|load-balance-read):");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_.~%-]*");
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.%A-Za-z]+]");

    /** pysqlite's connect() arguments, which SQLAlchemy takes from the query and sqlite-jdbc has no use for. */
    private static final Set<String> PYSQLITE_ONLY =
            Set.of("timeout", "check_same_thread", "isolation_level", "detect_types", "cached_statements", "uri",
                    "factory");

    private DatabaseUrls() {
    }

    /** Parses {@code url} (surrounding blanks ignored) or throws {@link DatabaseUrlException}. */
    public static Parsed parse(String url) {
        if (url == null || url.isBlank()) {
            throw new DatabaseUrlException("empty database URL; Graft accepts " + forms(), FORMS);
        }
        String u = url.strip();
        // A file name may hold blanks; a server URL may not.
        boolean file = u.regionMatches(true, 0, "jdbc:sqlite:", 0, 12) || u.regionMatches(true, 0, "sqlite", 0, 6);
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) && !file) {
                throw invalid(scheme(u), "it holds a " + (Character.isWhitespace(c) ? "blank" : "control character")
                        + " at position " + (i + 1), "percent-encode it (a blank is %20)");
            }
        }
        Matcher jdbc = JDBC.matcher(u);
        if (jdbc.matches()) {
            String sub = jdbc.group(1).toLowerCase(Locale.ROOT);
            String rest = jdbc.group(2);
            return switch (sub) {
                case "postgresql" -> jdbcServer(DialectId.POSTGRESQL, "jdbc:postgresql:", rest);
                case "mysql", "mariadb" -> jdbcServer(DialectId.MYSQL, "jdbc:mariadb:", rest);
                case "sqlite" -> new Parsed(DialectId.SQLITE, "jdbc:sqlite:" + rest, null, null);
                default -> throw unsupported("jdbc:" + jdbc.group(1) + ":");
            };
        }
        Matcher m = SCHEME.matcher(u);
        if (!m.matches()) {
            throw unsupported(scheme(u));
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(3);
        return switch (name) {
            case "postgresql", "postgres" -> server(DialectId.POSTGRESQL, name + "://", rest);
            case "mysql", "mariadb" -> server(DialectId.MYSQL, name + "://", rest);
            case "sqlite" -> sqlite(rest);
            default -> throw unsupported(m.group(1) + (m.group(2) == null ? "" : "+" + m.group(2)) + ":");
        };
    }

    /** {@code a, b, ...}: the accepted forms in one line. */
    public static String forms() {
        return String.join(", ", FORMS);
    }

    // ---------------------------------------------------------------- JDBC URLs

    /**
     * {@code jdbc:postgresql:} and {@code jdbc:mysql:}/{@code jdbc:mariadb:}: the driver's own syntax,
     * kept as written, but checked (host and port), with user info taken out and, for PostgreSQL,
     * the {@code /} pgjdbc needs after the host added.
     */
    private static Parsed jdbcServer(DialectId dialect, String prefix, String rest) {
        String shown = prefix;
        String mode = "";
        if (dialect == DialectId.MYSQL) {
            Matcher ha = MARIADB_MODE.matcher(rest);
            if (ha.lookingAt()) {
                mode = ha.group();
                rest = rest.substring(mode.length());
            }
        }
        if (!rest.startsWith("//")) {
            if (dialect == DialectId.POSTGRESQL && !rest.isEmpty() && !rest.contains("@") && !rest.startsWith("/")) {
                // jdbc:postgresql:DB is pgjdbc's short form for a database on localhost.
                checkEscapes(shown, rest);
                return new Parsed(dialect, prefix + rest, null, null);
            }
            throw invalid(shown, "'//' must follow '" + prefix + mode + "'", "write " + prefix + "//HOST[:PORT]/DB");
        }
        Authority a = authority(shown + mode + "//", rest.substring(2), dialect, true);
        String path = a.tail();
        if (dialect == DialectId.POSTGRESQL && !path.startsWith("/")) {
            path = "/" + path;
        }
        if (dialect == DialectId.POSTGRESQL) {
            checkEscapes(shown, path);
            int query = path.indexOf('?');
            if ((query < 0 ? path : path.substring(0, query)).indexOf('/', 1) >= 0) {
                throw invalid(shown, "the database name holds a '/'", "write it as %2F, or drop the extra '/'");
            }
        }
        return new Parsed(dialect, prefix + mode + "//" + a.hosts() + path, a.user(), a.password());
    }

    /** pgjdbc percent-decodes the database name and the parameters, and fails on a stray {@code %}. */
    private static void checkEscapes(String shown, String s) {
        if (MALFORMED_ESCAPE.matcher(s).find()) {
            throw invalid(shown, "the database name or a parameter holds a '%' that is not followed by two hex digits",
                    "write a '%' itself as %25");
        }
    }

    // ---------------------------------------------------------------- libpq and SQLAlchemy URLs

    /** {@code postgresql://[user[:password]@][host[:port][,...]][/db][?param=value&...]}, and the MySQL forms. */
    private static Parsed server(DialectId dialect, String shown, String rest) {
        if (!rest.startsWith("//")) {
            throw invalid(shown, "'//' must follow the scheme", "write " + shown + "[USER[:PASSWORD]@]HOST[:PORT]/DB");
        }
        Authority a = authority(shown, rest.substring(2), dialect, false);
        String tail = a.tail();
        int q = tail.indexOf('?');
        String path = q < 0 ? tail : tail.substring(0, q);
        String query = q < 0 ? "" : tail.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0 || path.contains("#")) {
            throw invalid(shown, "it holds a '#'", "percent-encode a '#' in a password or name as %23");
        }
        String database = path.isEmpty() ? "" : decode(shown, path.substring(1), "the database name");
        Map<String, String> params = query(shown, query);
        String user = a.user();
        String password = a.password();
        String hosts = a.hosts();
        Map<String, String> jdbcParams = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String key = p.getKey();
            String value = p.getValue();
            switch (key) {
                case "user" -> user = value;
                case "password", "passwd" -> password = value;
                case "dbname", "database", "db" -> database = value;
                case "host", "hostaddr" -> hosts = hostParameter(shown, dialect, value, jdbcParams, hosts);
                case "port" -> hosts = withPort(shown, hosts, value);
                default -> {
                    if (dialect == DialectId.POSTGRESQL) {
                        postgresParameter(shown, key, value, jdbcParams);
                    } else {
                        mysqlParameter(shown, key, value, jdbcParams);
                    }
                }
            }
        }
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        if (dialect == DialectId.MYSQL && database.matches(".*[/?#&].*")) {
            throw invalid(shown, "a MySQL database name cannot hold '/', '?', '#' or '&'", null);
        }
        StringBuilder jdbc = new StringBuilder(dialect == DialectId.POSTGRESQL ? "jdbc:postgresql://" : "jdbc:mariadb://")
                .append(hosts).append('/').append(dialect == DialectId.POSTGRESQL ? encodePath(database) : database);
        String separator = "?";
        for (Map.Entry<String, String> p : jdbcParams.entrySet()) {
            jdbc.append(separator).append(p.getKey()).append('=').append(encodeValue(dialect, p.getValue()));
            separator = "&";
        }
        return new Parsed(dialect, jdbc.toString(), user, password);
    }

    /** libpq's names and values to pgjdbc's; the ones pgjdbc already shares, and unknown ones, as they are. */
    private static void postgresParameter(String shown, String key, String value, Map<String, String> out) {
        switch (key) {
            case "application_name" -> out.put("ApplicationName", value);
            case "connect_timeout" -> out.put("connectTimeout", seconds(shown, key, value));
            case "keepalives" -> out.put("tcpKeepAlive", String.valueOf(!value.equals("0")));
            case "gssencmode" -> out.put("gssEncMode", value);
            case "channel_binding" -> out.put("channelBinding", value);
            case "target_session_attrs" -> out.put("targetServerType", switch (value) {
                case "read-write", "primary" -> "primary";
                case "read-only", "standby" -> "secondary";
                case "prefer-standby" -> "preferSecondary";
                case "any" -> "any";
                default -> throw invalid(shown, "target_session_attrs must be any, read-write, read-only, primary, "
                        + "standby or prefer-standby", null);
            });
            case "sslmode" -> {
                if (!Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full").contains(value)) {
                    throw invalid(shown, "sslmode must be disable, allow, prefer, require, verify-ca or verify-full",
                            null);
                }
                out.put("sslmode", value);
            }
            case "client_encoding" -> {
                if (!value.equalsIgnoreCase("utf8") && !value.equalsIgnoreCase("utf-8")) {
                    throw invalid(shown, "client_encoding must be UTF8: the JDBC driver speaks nothing else", null);
                }
            }
            default -> out.put(key, value);
        }
    }

    /**
     * The parameters of mysqlclient and PyMySQL (SQLAlchemy) to MariaDB Connector/J's; unknown ones
     * pass through (Connector/J ignores those it does not know).
     */
    private static void mysqlParameter(String shown, String key, String value, Map<String, String> out) {
        switch (key) {
            case "charset" -> {
                // Connector/J always speaks utf8mb4.
            }
            case "connect_timeout" -> out.put("connectTimeout", String.valueOf(Long.parseLong(seconds(shown, key, value)) * 1000));
            case "read_timeout" -> out.put("socketTimeout", String.valueOf(Long.parseLong(seconds(shown, key, value)) * 1000));
            case "unix_socket" -> out.put("localSocket", value);
            case "ssl_ca" -> out.put("serverSslCert", value);
            case "ssl_mode", "ssl-mode", "sslmode" -> {
                String mode = switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
                    case "disabled", "disable" -> "disable";
                    case "preferred", "prefer" -> null;
                    case "required", "require" -> "trust";
                    case "verify-ca" -> "verify-ca";
                    case "verify-identity", "verify-full" -> "verify-full";
                    default -> throw invalid(shown, "ssl_mode must be DISABLED, PREFERRED, REQUIRED, VERIFY_CA or "
                            + "VERIFY_IDENTITY", null);
                };
                if (mode != null) {
                    out.put("sslMode", mode);
                }
            }
            case "ssl" -> {
                if (value.equalsIgnoreCase("true") || value.equals("1")) {
                    out.putIfAbsent("sslMode", "trust");
                }
            }
            default -> out.put(key, value);
        }
    }

    /** {@code ?host=} names a server, or (a path) a Unix-domain socket. */
    private static String hostParameter(String shown, DialectId dialect, String value, Map<String, String> out,
            String hosts) {
        if (value.startsWith("/")) {
            if (dialect == DialectId.MYSQL) {
                out.put("localSocket", value);
                return hosts;
            }
            throw invalid(shown, "a Unix-domain socket (host=/...) cannot be reached by the JDBC driver",
                    "use the server's host and port, e.g. " + shown + "localhost:5432/DB");
        }
        String port = "";
        int colon = hosts.lastIndexOf(':');
        if (colon > 0 && !hosts.endsWith("]") && hosts.indexOf(',') < 0) {
            port = hosts.substring(colon);
        }
        checkHost(shown, value.contains(":") && !value.startsWith("[") ? "[" + value + "]" : value);
        return (value.contains(":") && !value.startsWith("[") ? "[" + value + "]" : value) + port;
    }

    private static String withPort(String shown, String hosts, String port) {
        checkPort(shown, port);
        if (hosts.indexOf(',') >= 0) {
            throw invalid(shown, "?port= cannot apply to several hosts", "write HOST:PORT for each host");
        }
        String host = hosts.endsWith("]") || hosts.lastIndexOf(':') < 0 ? hosts : hosts.substring(0, hosts.lastIndexOf(':'));
        return (host.isEmpty() ? "localhost" : host) + ":" + port;
    }

    private static String seconds(String shown, String key, String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw invalid(shown, key + " must be a whole number of seconds", null);
        }
        return value;
    }

    // ---------------------------------------------------------------- SQLite

    /**
     * SQLAlchemy's {@code sqlite:///relative.db} and {@code sqlite:////absolute.db} (three slashes,
     * then the path); {@code sqlite://} and {@code sqlite:///:memory:} are in-memory databases.
     */
    private static Parsed sqlite(String rest) {
        String shown = "sqlite://";
        if (!rest.startsWith("//")) {
            throw invalid("sqlite:", "'//' must follow 'sqlite:'",
                    "write sqlite:///RELATIVE.db or sqlite:////ABSOLUTE.db (or jdbc:sqlite:FILE)");
        }
        String after = rest.substring(2);
        int q = after.indexOf('?');
        String query = q < 0 ? "" : after.substring(q + 1);
        after = q < 0 ? after : after.substring(0, q);
        for (String key : query(shown, query).keySet()) {
            if (!PYSQLITE_ONLY.contains(key)) {
                throw invalid(shown, "the parameter '" + key + "' means nothing to Graft's SQLite driver",
                        "drop it, or write jdbc:sqlite:FILE?PRAGMA=VALUE for the driver's settings");
            }
        }
        if (after.isEmpty() || after.equals("/:memory:")) {
            return new Parsed(DialectId.SQLITE, "jdbc:sqlite::memory:", null, null);
        }
        if (!after.startsWith("/")) {
            throw invalid(shown, "an SQLite URL names no host: the path follows three slashes",
                    "write sqlite:///RELATIVE.db or sqlite:////ABSOLUTE.db");
        }
        String file = after.substring(1);
        if (file.isEmpty() || file.equals("/")) {
            throw invalid(shown, "it names no file", "write sqlite:///RELATIVE.db or sqlite:////ABSOLUTE.db");
        }
        return new Parsed(DialectId.SQLITE, "jdbc:sqlite:" + file, null, null);
    }

    /**
     * The file an SQLite JDBC URL names, when it names one on disk: not an in-memory database, not
     * a {@code file:} URI (its options are the driver's business).
     */
    public static Optional<Path> sqliteFile(String jdbcUrl) {
        String prefix = "jdbc:sqlite:";
        if (!jdbcUrl.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(prefix.length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":") || file.regionMatches(true, 0, "file:", 0, 5)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(file));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code jdbcUrl} with a relative SQLite file made absolute against {@code folder} (the driver
     * would resolve it against the process's directory); any other URL as it is.
     */
    public static String resolveSqliteFile(String jdbcUrl, Path folder) {
        Optional<Path> file = sqliteFile(jdbcUrl);
        if (file.isEmpty() || file.get().isAbsolute()) {
            return jdbcUrl;
        }
        int query = jdbcUrl.indexOf('?');
        return "jdbc:sqlite:" + folder.resolve(file.get()).normalize() + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    // ---------------------------------------------------------------- shared parts

    /**
     * What follows {@code //}: user info (up to the last {@code @} before the first {@code /}), the
     * host list, and the tail from the {@code /} or {@code ?} on.
     *
     * @param hosts the host list as the JDBC URL writes it
     * @param tail {@code /DB?...}, {@code ?...} or empty
     */
    private record Authority(String user, String password, String hosts, String tail) {
    }

    private static Authority authority(String shown, String s, DialectId dialect, boolean jdbc) {
        int slash = s.indexOf('/');
        int end = slash < 0 ? s.length() : slash;
        int at = s.lastIndexOf('@', end - 1);
        int question = s.indexOf('?');
        if (question >= 0 && question < end && at < question) {
            end = question;
        } else if (question >= 0 && question < end && at > question) {
            throw invalid(shown, "the user info holds a '?'", "percent-encode a '?' in a password as %3F");
        }
        at = s.lastIndexOf('@', end - 1);
        String user = null;
        String password = null;
        if (at >= 0) {
            String info = s.substring(0, at);
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? info : info.substring(0, colon);
            user = rawUser.isEmpty() ? null : decode(shown, rawUser, "the user");
            password = colon < 0 ? null : decode(shown, info.substring(colon + 1), "the password");
        }
        String hostList = s.substring(at + 1, end);
        List<String> hosts = new ArrayList<>();
        for (String host : hostList.split(",", -1)) {
            hosts.add(hostAndPort(shown, host, jdbc, hostList.isEmpty()));
        }
        return new Authority(user, password, String.join(",", hosts), s.substring(end));
    }

    private static String hostAndPort(String shown, String hostPort, boolean jdbc, boolean onlyHostEmpty) {
        if (hostPort.isEmpty()) {
            if (!onlyHostEmpty) {
                throw invalid(shown, "a host of the list is empty", "write HOST1:PORT1,HOST2:PORT2");
            }
            return "";
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(shown, "an IPv6 address lacks its closing ']'", "write [::1]:5432");
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(shown, "only ':PORT' may follow an IPv6 address", "write [::1]:5432");
                }
                port = after.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (!jdbc && host.contains("%")) {
            String decoded = decode(shown, host, "the host");
            if (decoded.startsWith("/")) {
                throw invalid(shown, "a Unix-domain socket cannot be reached by the JDBC driver",
                        "use the server's host and port");
            }
            host = decoded;
        }
        checkHost(shown, host);
        if (port != null) {
            checkPort(shown, port);
        }
        return (host.isEmpty() ? "localhost" : host) + (port == null ? "" : ":" + port);
    }

    private static void checkHost(String shown, String host) {
        if (!HOST_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw invalid(shown, "the host name holds characters a host name cannot have",
                    "percent-encode '@', ':', '/', '?' and '#' in a password (%40 %3A %2F %3F %23)");
        }
    }

    private static void checkPort(String shown, String port) {
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid(shown, "the port must be a number from 1 to 65535",
                    "percent-encode '@', ':', '/', '?' and '#' in a password (%40 %3A %2F %3F %23)");
        }
    }

    /** {@code a=1&b=2}, names and values percent-decoded; a name without a value is an empty value. */
    private static Map<String, String> query(String shown, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(shown, eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
            String value = eq < 0 ? "" : decode(shown, pair.substring(eq + 1), "a parameter value");
            if (key.isEmpty()) {
                throw invalid(shown, "a parameter has no name", "write ?NAME=VALUE&NAME=VALUE");
            }
            params.put(key, value);
        }
        return params;
    }

    /** Percent-decoding as libpq does it: {@code %XX} only ({@code +} stays a plus). */
    private static String decode(String shown, String s, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw invalid(shown, what + " holds a '%' that is not followed by two hex digits",
                            "write a '%' itself as %25");
                }
                out[n++] = (byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                if (n + bytes.length > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + bytes.length);
                }
                System.arraycopy(bytes, 0, out, n, bytes.length);
                n += bytes.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static String encodePath(String database) {
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** pgjdbc decodes parameter values; Connector/J takes them as written. */
    private static String encodeValue(DialectId dialect, String value) {
        if (dialect == DialectId.POSTGRESQL) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return value;
    }

    // ---------------------------------------------------------------- errors

    /** What the user typed up to its first {@code :} (or {@code ://}); never more, as the rest may hold a password. */
    static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon < 0) {
            return url.length() > 20 || url.contains("@") ? "(no scheme)" : url;
        }
        String head = url.substring(0, colon + 1);
        if (url.startsWith("//", colon + 1)) {
            head += "//";
        }
        return head.length() > 40 ? head.substring(0, 40) + "..." : head;
    }

    private static DatabaseUrlException unsupported(String scheme) {
        return new DatabaseUrlException("unsupported database URL '" + shorten(scheme) + "...': Graft accepts "
                + forms(), FORMS);
    }

    private static DatabaseUrlException invalid(String shown, String problem, String fix) {
        return new DatabaseUrlException("invalid database URL '" + shorten(shown) + "...': " + problem
                + (fix == null ? "" : "; " + fix), FORMS);
    }

    private static String shorten(String s) {
        String printable = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) : printable;
    }
}
