package io.graft.internal.schema;

import io.graft.changelog.DialectId;
import java.util.List;

/**
 * A diff as an SQL file: each change's statements after a {@code -- } comment that names it (and
 * says DESTRUCTIVE when it can lose data). A change the database cannot make is its comment alone.
 * MySQL statements whose bodies hold semicolons (routines, triggers) are wrapped in
 * {@code DELIMITER}, as the mysql client and Graft's splitter read them.
 */
public final class DiffScript {

    private DiffScript() {
    }

    public static String render(DialectId dialect, List<Change> changes) {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("-- ").append(change.comment().replace("\n", " ")).append('\n');
            for (String statement : change.statements()) {
                String s = statement.strip();
                if (dialect == DialectId.MYSQL && s.contains(";")) {
                    out.append("DELIMITER //\n").append(s).append("//\nDELIMITER ;\n");
                } else {
                    out.append(s).append(";\n");
                }
            }
        }
        return out.toString();
    }
}
