package io.graft.internal.importer;

import io.graft.Hints;
import io.graft.MigrationException;
import io.graft.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code alembic_version} (never writes it) and says which revisions of an imported
 * changelog Alembic has applied. The table holds only Alembic's current heads, one row each;
 * every head stands for itself and everything it requires (its {@code down_revision}s and
 * {@code depends_on}, transitively), which the manifest records per revision.
 *
 * <p>A row naming a revision the changelog lacks is refused, naming it. Alembic keeps no
 * checksums, so a script edited after Alembic ran it cannot be detected here.
 */
public final class AlembicAdoption implements HistoryAdoption {

    private final ImportManifest manifest;
    private final String table;

    public AlembicAdoption(ImportManifest manifest) {
        this.manifest = manifest;
        this.table = manifest.table() == null || manifest.table().isBlank() ? "alembic_version" : manifest.table();
    }

    @Override
    public Adopted adopt(Connection c, Dialect dialect) throws SQLException {
        return map(read(c, dialect));
    }

    private List<String> read(Connection c, Dialect dialect) {
        String qualified = (manifest.schema() == null ? "" : dialect.quote(manifest.schema()) + ".") + dialect.quote(table);
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version_num FROM " + qualified + " ORDER BY version_num");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new MigrationException(Hints.append("cannot read Alembic's version table " + qualified + ": "
                    + e.getMessage(), "point --url at the database Alembic migrated; if env.py passes another"
                    + " version_table or version_table_schema to context.configure, import again so that the"
                    + " manifest names it"), null, e.getSQLState(), e);
        }
        return rows;
    }

    /** The applied revisions for the heads in {@code rows}, in changelog order. */
    Adopted map(List<String> rows) {
        Map<String, ImportManifest.Entry> byVersion = new HashMap<>();
        Map<String, ImportManifest.Entry> byId = new HashMap<>();
        for (ImportManifest.Entry e : manifest.revisions()) {
            if (e.version() != null) {
                byVersion.put(e.version(), e);
            }
            byId.put(e.id(), e);
        }
        Set<String> applied = new HashSet<>();
        Deque<ImportManifest.Entry> todo = new ArrayDeque<>();
        for (String row : rows) {
            ImportManifest.Entry head = row == null ? null : byVersion.get(row.strip());
            if (head == null) {
                throw new MigrationException(Hints.append("Alembic's version table " + table + " holds '" + row
                        + "', a revision that the changelog does not have", "import again from the Alembic project"
                        + " this database was migrated with (with revision " + row + " in its versions folder)"));
            }
            todo.push(head);
        }
        while (!todo.isEmpty()) {
            ImportManifest.Entry e = todo.pop();
            if (applied.add(e.id())) {
                for (String required : e.requires()) {
                    ImportManifest.Entry r = byId.get(required);
                    if (r != null) {
                        todo.push(r);
                    }
                }
            }
        }
        List<String> ordered = manifest.revisions().stream().map(ImportManifest.Entry::id).filter(applied::contains)
                .toList();
        return new Adopted(ordered, List.of(), rows.size());
    }
}
