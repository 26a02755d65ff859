package io.graft.junit;

import io.graft.changelog.DialectId;

/**
 * An empty database made for one test class, and how to connect to it.
 *
 * @param dialect its dialect
 * @param url the JDBC URL (it may carry user and password parameters from the environment)
 * @param user the user, or null when the URL has it
 * @param password the password, or null
 * @param where where it is, for messages (no password)
 * @param drop drops it, or deletes its file
 */
record ProvisionedDatabase(DialectId dialect, String url, String user, String password, String where, Runnable drop) {

    @Override
    public String toString() {
        return dialect.key() + " " + where;
    }
}
