package io.graft.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link GraftMigrationInitializer} initializes the database: the beans its
 * depends-on detectors find (JPA's EntityManagerFactory, JdbcTemplate and NamedParameterJdbcTemplate,
 * jOOQ's DSLContext, beans marked {@code @DependsOnDatabaseInitialization}) are created after it.
 * Registered in {@code META-INF/spring.factories}.
 */
class GraftDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(GraftMigrationInitializer.class);
    }

    /** Flyway's and Liquibase's detectors have order 1: like them, before Spring's SQL scripts. */
    @Override
    public int getOrder() {
        return 1;
    }
}
