package io.graft.cli.settings;

import io.graft.cli.secrets.Redactor;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The connection settings of one run, after the command line, the environment, graft.yaml and
 * the built-in defaults have been layered (in that order of precedence).
 *
 * @param changelog the changelog file, absolute
 * @param url the JDBC URL, whatever form the user wrote ({@code postgresql://...}, {@code sqlite:///...}); no
 *     user info; a relative SQLite file is made absolute
 * @param user the database user (the URL's first), or null
 * @param password the database password (the URL's first), or null; never printed
 * @param schema the schema of the history tables, or null for the connection's
 * @param tablePrefix prefix of the history tables
 * @param lockTimeout how long to wait for the migration lock
 * @param environment the graft.yaml environment used, or null
 * @param configFile the graft.yaml read, or null
 */
public record Settings(Path changelog, String url, String user, String password, String schema, String tablePrefix,
        Duration lockTimeout, String environment, Path configFile) {

    @Override
    public String toString() {
        return "Settings[changelog=" + changelog + ", url=" + url + ", user=" + user + ", password="
                + (password == null ? null : Redactor.MASK) + ", schema=" + schema + ", tablePrefix=" + tablePrefix
                + ", lockTimeout=" + lockTimeout + ", environment=" + environment + ", configFile=" + configFile + "]";
    }
}
