package io.graft.internal.dialect;

import java.util.Map;

/**
 * What the pool Graft opens for a URL ({@link Pools}) needs to know about the dialect's driver.
 *
 * @param dataSourceProperties driver properties set on every connection
 * @param createsFileOnConnect whether connecting creates the database (an SQLite file): then no
 *     connection is opened before the changelog is known to be good
 * @param prepareDriver loads what the driver needs before its first connection, touching no
 *     database (SQLite's native library); may do nothing
 * @param driver the JDBC driver, named in the error when it is not on the class path
 */
public record PoolSettings(Map<String, String> dataSourceProperties, boolean createsFileOnConnect,
        Runnable prepareDriver, JdbcDriver driver) {

    public PoolSettings {
        dataSourceProperties = Map.copyOf(dataSourceProperties);
    }

    /** No properties, nothing created, nothing to prepare. */
    static PoolSettings plain(JdbcDriver driver) {
        return new PoolSettings(Map.of(), false, () -> { }, driver);
    }
}
