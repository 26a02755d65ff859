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
            return text == null ? null : Instant.parse(text);
        }
    };

    abstract Object toDatabase(Instant instant);

    abstract Instant read(ResultSet rs, String column) throws SQLException;
}
