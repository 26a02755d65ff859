package io.graft.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.graft.Graft;
import io.graft.RunResult;

/**
 * docs/java-api.md, "Inside an application": the changelog ships in the application's jar
 * ({@code src/main/resources/db/changelog.yaml} and its SQL files), and Graft uses the
 * application's own pool. Graft borrows connections from a {@code DataSource} and never closes it.
 */
public final class ClasspathAndDataSource {

    private ClasspathAndDataSource() {
    }

    public static RunResult migrate(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            return migrate(dataSource, Thread.currentThread().getContextClassLoader());
        }
    }

    public static RunResult migrate(javax.sql.DataSource dataSource, ClassLoader classLoader) {
        try (Graft graft = Graft.builder()
                .changelog("classpath:db/changelog.yaml")   // SQL files: relative to it, in the same jar
                .classLoader(classLoader)                   // default: the thread's context class loader
                .dataSource(dataSource)
                .listener(new ProgressListener())
                .build()) {
            return graft.upgrade();
        }
    }
}
