package io.graft.internal.dialect;

import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlStatement;
import java.time.Instant;

/**
 * How to write SQL for the database's own client ({@code psql}, {@code sqlite3}, {@code mariadb}),
 * for {@code up --sql}: transaction brackets, statements as the client reads them, and the values
 * of history writes as literals, with the time and user taken from the database when it runs.
 */
public final class ClientScript implements HistorySql.Values {

    private final SplitOptions client;
    private final String begin;
    private final String now;
    private final String currentUser;

    /**
     * @param client how the client reads a script (its backslash escapes, its {@code DELIMITER})
     * @param begin the statement that starts a transaction
     * @param now the expression for the current time, as the history columns hold it
     * @param currentUser the expression for the database user, or null where there is none
     *     (SQLite): then the operating-system user who writes the script
     */
    ClientScript(SplitOptions client, String begin, String now, String currentUser) {
        this.client = client;
        this.begin = begin;
        this.now = now;
        this.currentUser = currentUser;
    }

    /** The statement that starts a transaction, without its terminator. */
    public String begin() {
        return begin;
    }

    /**
     * A statement from a file, as the client reads it, terminator and line break included. psql
     * reads inline COPY data up to {@code \.}; the mysql client needs another delimiter around a
     * statement that holds semicolons (routine bodies).
     */
    public String statement(SqlStatement s) {
        if (s.copyData() != null) {
            return s.sql() + ";\n" + s.copyData() + "\\.\n";
        }
        if (client.delimiterCommand() && s.sql().contains(";")) {
            String delimiter = s.sql().contains("$$") ? "//" : "$$";
            return "DELIMITER " + delimiter + "\n" + s.sql() + delimiter + "\nDELIMITER ;\n";
        }
        return s.sql() + ";\n";
    }

    @Override
    public String text(String value) {
        if (value == null) {
            return "NULL";
        }
        String escaped = value.replace("'", "''");
        if (client.backslashEscapes()) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }

    @Override
    public String number(int value) {
        return Integer.toString(value);
    }

    @Override
    public String number(long value) {
        return Long.toString(value);
    }

    @Override
    public String instant(Instant value) {
        return now;
    }

    @Override
    public String user(String value) {
        return currentUser != null ? currentUser : text(System.getProperty("user.name"));
    }
}
