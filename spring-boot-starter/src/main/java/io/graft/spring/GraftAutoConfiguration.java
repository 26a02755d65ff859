package io.graft.spring;

import io.graft.Graft;
import io.graft.MigrationListener;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Graft at start-up, modelled on Spring Boot's {@code FlywayAutoConfiguration}: on when Graft is on
 * the class path, {@code graft.enabled} is not false, there is a DataSource (or {@code graft.url})
 * and the changelog exists. It migrates with {@link GraftMigrationInitializer}, which Spring Boot
 * runs before JPA, jOOQ and JdbcTemplate users ({@link GraftDatabaseInitializerDetector}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration", // Spring Boot 3
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" // Spring Boot 4
})
@ConditionalOnClass(Graft.class)
@ConditionalOnProperty(prefix = "graft", name = "enabled", matchIfMissing = true)
@Conditional({GraftAutoConfiguration.DataSourceOrUrl.class, ChangelogCondition.class})
@EnableConfigurationProperties(GraftProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class GraftAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Graft graft(GraftProperties properties, ObjectProvider<DataSource> dataSource,
            @GraftDataSource ObjectProvider<DataSource> graftDataSource, ResourceLoader resourceLoader,
            Environment environment, ObjectProvider<MigrationListener> listeners,
            ObjectProvider<GraftConfigurationCustomizer> customizers) {
        Graft.Builder builder = Graft.builder();
        ChangelogCondition.apply(builder, properties.getChangelog(), resourceLoader);
        connection(builder, properties, dataSource, graftDataSource, environment);
        if (properties.getSchema() != null && !properties.getSchema().isBlank()) {
            builder.schema(properties.getSchema());
        }
        builder.tablePrefix(properties.getTablePrefix()).lockTimeout(properties.getLockTimeout());
        builder.listener(new LoggingListener());
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * As Flyway: a {@link GraftDataSource} bean; else {@code graft.url} (or {@code graft.user} with the
     * application's URL), its user and password defaulting to {@code spring.datasource.*}; else the
     * application's DataSource.
     */
    private static void connection(Graft.Builder builder, GraftProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<DataSource> graftDataSource, Environment environment) {
        DataSource own = graftDataSource.getIfAvailable();
        if (own != null) {
            builder.dataSource(own);
            return;
        }
        String url = properties.getUrl() != null ? properties.getUrl()
                : properties.getUser() != null ? environment.getProperty("spring.datasource.url") : null;
        if (url != null) {
            String user = properties.getUser() != null ? properties.getUser() : environment.getProperty("spring.datasource.username");
            String password = properties.getPassword() != null ? properties.getPassword()
                    : properties.getUser() != null ? null : environment.getProperty("spring.datasource.password");
            builder.url(url, user, password);
            return;
        }
        builder.dataSource(dataSource.getObject());
    }

    @Bean
    @ConditionalOnMissingBean
    public GraftMigrationInitializer graftMigrationInitializer(Graft graft, GraftProperties properties,
            ObjectProvider<GraftMigrationStrategy> strategy) {
        return new GraftMigrationInitializer(graft, properties, strategy.getIfAvailable());
    }

    /**
     * The tenants ({@code graft.tenants.schemas}, {@link GraftTenants} beans), migrated after the
     * application's database; a no-op when there are none.
     */
    @Bean
    @ConditionalOnMissingBean
    public GraftFleetInitializer graftFleetInitializer(GraftMigrationInitializer after, GraftProperties properties,
            ObjectProvider<GraftTenants> tenants, ResourceLoader resourceLoader, Environment environment) {
        return new GraftFleetInitializer(properties, tenants.orderedStream().toList(), resourceLoader, environment);
    }

    /** The Actuator endpoint, when Actuator is there and the endpoint is exposed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class GraftEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(GraftEndpoint.class)
        GraftEndpoint graftEndpoint(Graft graft) {
            return new GraftEndpoint(graft);
        }
    }

    /** A DataSource bean, or {@code graft.url} (as Flyway's {@code FlywayDataSourceCondition}). */
    static final class DataSourceOrUrl extends AnyNestedCondition {

        DataSourceOrUrl() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "graft", name = "url")
        private static final class GraftUrl {
        }
    }
}
