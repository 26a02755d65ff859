package io.graft.spring;

import io.graft.Graft;

/**
 * Replaces what the starter does at start-up ({@code graft.upgrade(graft.target)}, or the
 * {@code graft.fail-on-pending} check) with the application's own call: a bean of this type runs
 * instead, still before JPA, jOOQ and JdbcTemplate users.
 */
@FunctionalInterface
public interface GraftMigrationStrategy {

    /** Called once at start-up with the configured {@link Graft}; an exception stops the application. */
    void migrate(Graft graft);
}
