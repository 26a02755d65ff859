package io.graft.internal.dialect;

import io.graft.internal.sql.SqlStatement;
import io.graft.internal.sql.Words;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The PostgreSQL commands that cannot run inside a transaction block. */
final class PostgresStatements {

    private static final Pattern ADD_ENUM_VALUE = Pattern.compile(
            "^\\s*ALTER\\s+TYPE\\s+.+?\\s+ADD\\s+VALUE\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private PostgresStatements() {
    }

    static Optional<String> nonTransactionalReason(Words t, SqlStatement statement, int serverMajorVersion) {
        Optional<String> reason = always(t);
        if (reason.isEmpty() && serverMajorVersion > 0 && serverMajorVersion < 12
                && ADD_ENUM_VALUE.matcher(statement.sql()).find()) {
            return Optional.of("ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12"
                    + " (this server is " + serverMajorVersion + ")");
        }
        return reason;
    }

    /** The commands refused in a transaction block by every supported version. */
    private static Optional<String> always(Words t) {
        String first = t.get(0);
        String what = null;
        switch (first) {
            case "CREATE", "DROP" -> {
                int i = 1;
                if (first.equals("CREATE") && t.at(i, "UNIQUE")) {
                    i++;
                }
                if (t.at(i, "INDEX") && t.at(i + 1, "CONCURRENTLY")) {
                    what = first + " INDEX CONCURRENTLY";
                } else if (t.at(1, "DATABASE") || t.at(1, "TABLESPACE") || t.at(1, "SUBSCRIPTION")) {
                    what = first + " " + t.get(1);
                }
            }
            case "REINDEX" -> {
                if (t.contains("CONCURRENTLY")) {
                    what = "REINDEX CONCURRENTLY";
                } else {
                    for (String kind : List.of("SCHEMA", "DATABASE", "SYSTEM")) {
                        if (t.afterOptions(1).equals(kind)) {
                            what = "REINDEX " + kind;
                        }
                    }
                }
            }
            case "VACUUM" -> what = "VACUUM";
            case "ALTER" -> {
                if (t.at(1, "SYSTEM")) {
                    what = "ALTER SYSTEM";
                } else if (t.at(1, "TABLE")) {
                    int detach = t.indexOf("DETACH");
                    if (detach > 0 && t.at(detach + 1, "PARTITION") && t.containsFrom(detach, "CONCURRENTLY")) {
                        what = "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
                    }
                }
            }
            case "DISCARD" -> {
                if (t.at(1, "ALL")) {
                    what = "DISCARD ALL";
                }
            }
            case "COMMIT", "ROLLBACK" -> {
                if (t.at(1, "PREPARED")) {
                    what = first + " PREPARED";
                }
            }
            default -> {
            }
        }
        return Optional.ofNullable(what).map(w -> w + " cannot run inside a transaction block");
    }
}
