package io.graft.internal.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How a dialect's history columns hold a point in time. */
enum InstantColumn {

    /** PostgreSQL {@code TIMESTAMP WITH TIME ZONE}. */
    WITH_TIME_ZONE {
        @Override
        Object toDatabase(Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        @Override
        Instant read(ResultSet rs, String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    },

    /** MySQL {@code DATETIME(3)}, which has no time zone: UTC by convention. */
    UTC_DATETIME {
        @Override
        Object toDatabase(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        @Override
        Instant read(ResultSet rs, String column) throws SQLException {
            LocalDateTime t = rs.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
    },

    /** SQLite {@code TEXT}: ISO-8601 in UTC, which sorts as it reads. */
    ISO_TEXT {
        @Override
        Object toDatabase(Instant instant) {
            return instant.toString();
        }

        @Override
        Instant read(ResultSet rs, String column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : parseIso(text);
        }
    };

    /**
     * {@link Instant#parse} for what {@link Instant#toString} writes in this era
     * ({@code 2026-12-02T15:19:00.123Z}), read by hand: a history of thousands of rows is read
     * on every run, and in a fresh JVM the formatter costs a good part of that. Anything else
     * goes to {@link Instant#parse}.
     */
    static Instant parseIso(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Instant.parse(text);
            }
            nanos = digits(text, 20, n - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return Instant.parse(text);
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    abstract Object toDatabase(Instant instant);

    abstract Instant read(ResultSet rs, String column) throws SQLException;
}
