package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.DatabaseUrl;
import io.graft.changelog.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqliteDialectTest extends DialectContractTest {

    @Override
    DialectId dialectId() {
        return DialectId.SQLITE;
    }

    @Override
    String scriptWithBodies() {
        return """
                CREATE TABLE counted (n INTEGER);
                CREATE TRIGGER counted_add AFTER INSERT ON counted BEGIN
                    UPDATE counted SET n = n + 1 WHERE rowid = NEW.rowid;
                END;
                INSERT INTO counted (n) VALUES (1);
                INSERT INTO counted (n) VALUES (10);
                """;
    }

    @Override
    Optional<String> nonTransactionalStatement() {
        return Optional.of("VACUUM");
    }

    @Override
    boolean tellsLockHolder() {
        return false;
    }

    @Override
    List<String> otherUrlForms(String file, String user) {
        // SQLAlchemy's absolute form; the relative one is resolved against the file's folder.
        Path path = Path.of(file);
        String relative = DatabaseUrl.parse("sqlite:///" + path.getFileName()).relativeTo(path.getParent()).jdbcUrl();
        assertThat(relative).isEqualTo(db.url());
        return List.of("sqlite:///" + file, "sqlite+pysqlite:///" + file, "jdbc:sqlite:" + file);
    }

    @Test
    void openingThePoolCreatesTheFile() {
        Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
        assertThat(file).doesNotExist();
        Pools.open(db.url(), null, null).close();
        assertThat(file).exists();
    }
}
