package io.graft.internal.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The readers' small JDBC helpers. */
final class Jdbc {

    private Jdbc() {
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    static void query(Connection connection, String sql, List<?> parameters, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    static String single(Connection connection, String sql, List<?> parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        query(connection, sql, parameters, rs -> out.add(rs.getString(1)));
        return out.isEmpty() ? null : out.get(0);
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
    }
}
