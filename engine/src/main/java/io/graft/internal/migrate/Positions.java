package io.graft.internal.migrate;

import io.graft.SourceSpan;
import io.graft.internal.sql.SqlStatement;
import java.util.OptionalInt;

/** Moves a position reported inside a statement back to the file's line and column. */
final class Positions {

    private Positions() {
    }

    /**
     * @param position 1-based character offset inside the statement's text, as PostgreSQL reports it
     */
    static SourceSpan inside(SqlStatement statement, OptionalInt position) {
        SourceSpan start = statement.span();
        if (position.isEmpty() || position.getAsInt() < 1 || start.line() == 0) {
            return start;
        }
        String sql = statement.sql();
        int offset = Math.min(position.getAsInt() - 1, sql.length());
        int line = start.line();
        int column = start.column();
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceSpan(start.file(), line, column);
    }
}
