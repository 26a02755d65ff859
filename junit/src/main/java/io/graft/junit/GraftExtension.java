package io.graft.junit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.graft.Graft;
import io.graft.changelog.DialectId;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The extension behind {@link GraftDatabase}: makes the database when the annotated class starts
 * (or when its instance is made first, with {@code @TestInstance(PER_CLASS)}), migrates it, hands
 * out its {@link DataSource}, {@link Graft} and {@link DialectId}, and drops it when the class ends.
 * A {@code @Nested} class uses the database of the class around it.
 */
public final class GraftExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GraftExtension.class);
    private static final String KEY = "database";
    private static final Set<Class<?>> INJECTED = Set.of(DataSource.class, Graft.class, DialectId.class);

    private final Servers servers = Servers.fromEnvironment();

    /** Made by JUnit, through {@link GraftDatabase}'s {@code @ExtendWith}. */
    public GraftExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        if (owner != context) {
            return;
        }
        MigratedDatabase db;
        try {
            db = owner.getStore(NAMESPACE).remove(KEY, MigratedDatabase.class);
        } catch (RuntimeException e) {
            return; // making it failed (or was skipped), and that was reported where it happened
        }
        if (db != null) {
            db.close();
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = testInstance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (INJECTED.contains(f.getType()) && !Modifier.isStatic(m) && !Modifier.isFinal(m)) {
                    fields.add(f);
                }
            }
        }
        if (fields.isEmpty()) {
            return;
        }
        MigratedDatabase db = database(context);
        for (Field f : fields) {
            f.setAccessible(true);
            if (f.get(testInstance) == null) {
                f.set(testInstance, db.get(f.getType()));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return database(context).get(parameter.getParameter().getType());
        } catch (TestAbortedException | ExtensionConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /** The database of the annotated class around {@code context}, made and migrated on first use. */
    private MigratedDatabase database(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        GraftDatabase config = AnnotationSupport.findAnnotation(owner.getRequiredTestClass(), GraftDatabase.class)
                .orElseThrow();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(KEY,
                k -> migrate(config, owner.getRequiredTestClass()), MigratedDatabase.class);
    }

    /**
     * The class-level context of the nearest class that carries {@link GraftDatabase} (itself or
     * a superclass): a method's context finds its class's, a {@code @Nested} class without the
     * annotation shares the database of the class around it.
     */
    private static ExtensionContext owner(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            boolean classLevel = c.getTestMethod().isEmpty() && c.getTestClass().isPresent()
                    && c.getElement().filter(e -> e instanceof Class<?>).isPresent();
            if (classLevel && AnnotationSupport.isAnnotated(c.getRequiredTestClass(), GraftDatabase.class)) {
                return c;
            }
        }
        throw new ExtensionConfigurationException("GraftExtension is registered on " + context.getDisplayName()
                + " without @GraftDatabase: annotate the test class with @GraftDatabase instead of @ExtendWith");
    }

    private MigratedDatabase migrate(GraftDatabase config, Class<?> testClass) {
        ClassLoader loader = testClass.getClassLoader();
        Set<DialectId> declared = declaredDialects(config, loader);
        ProvisionedDatabase provisioned = provision(config.dialect(), declared, testClass);
        HikariDataSource dataSource = null;
        Graft graft = null;
        try {
            dataSource = dataSource(provisioned);
            graft = Graft.builder().changelog(config.changelog()).classLoader(loader).dataSource(dataSource).build();
            graft.upgrade(config.target());
            return new MigratedDatabase(provisioned, dataSource, graft);
        } catch (RuntimeException | Error e) {
            if (graft != null) {
                graft.close();
            }
            if (dataSource != null) {
                dataSource.close();
            }
            provisioned.drop().run();
            throw e;
        }
    }

    /** The changelog's {@code dialects:}, read without a database; a bad changelog fails here, with its problems. */
    private static Set<DialectId> declaredDialects(GraftDatabase config, ClassLoader loader) {
        try (Graft graft = Graft.builder().changelog(config.changelog()).classLoader(loader).build()) {
            return graft.changelog().dialects();
        }
    }

    private ProvisionedDatabase provision(GraftDatabase.Dialect wanted, Set<DialectId> declared, Class<?> testClass) {
        if (wanted == GraftDatabase.Dialect.SQLITE) {
            return sqlite();
        }
        if (wanted == GraftDatabase.Dialect.POSTGRESQL || wanted == GraftDatabase.Dialect.MYSQL) {
            DialectId dialect = wanted == GraftDatabase.Dialect.POSTGRESQL ? DialectId.POSTGRESQL : DialectId.MYSQL;
            Optional<Server> server = servers.server(dialect);
            if (server.isEmpty()) {
                String why = "@GraftDatabase(dialect = " + wanted + ") on " + testClass.getSimpleName() + ": no "
                        + dialect.key() + " server: set " + Servers.variable(dialect) + " to a JDBC URL of one, or run "
                        + "where Docker runs with org.testcontainers:" + (dialect == DialectId.POSTGRESQL ? "postgresql" : "mariadb")
                        + " on the test class path";
                if (servers.required(dialect)) {
                    throw new ExtensionConfigurationException(why + " (" + Servers.REQUIRE + " names " + dialect.key() + ")");
                }
                throw new TestAbortedException(why);
            }
            if (!Drivers.accepts(server.get().baseUrl())) {
                throw new ExtensionConfigurationException(Drivers.missing(dialect, server.get().origin()));
            }
            return server.get().createDatabase();
        }
        // ANY: the first database that is there and whose driver the tests have.
        Set<DialectId> allowed = declared.isEmpty() ? EnumSet.allOf(DialectId.class) : EnumSet.copyOf(declared);
        List<String> withoutDriver = new ArrayList<>();
        for (DialectId dialect : List.of(DialectId.POSTGRESQL, DialectId.MYSQL)) {
            if (allowed.contains(dialect)) {
                Optional<Server> server = servers.server(dialect);
                if (server.isPresent() && Drivers.accepts(server.get().baseUrl())) {
                    return server.get().createDatabase();
                }
                server.ifPresent(s -> withoutDriver.add(s.origin() + " (add " + Drivers.artifact(dialect) + ")"));
            }
        }
        if (allowed.contains(DialectId.SQLITE) && Drivers.accepts(Drivers.sampleUrl(DialectId.SQLITE))) {
            return Servers.sqlite();
        }
        String tried = withoutDriver.isEmpty() ? "" : "; found without a JDBC driver: " + String.join(", ", withoutDriver);
        if (allowed.contains(DialectId.SQLITE)) {
            throw new ExtensionConfigurationException("@GraftDatabase on " + testClass.getSimpleName()
                    + ": no database to use: add " + Drivers.artifact(DialectId.SQLITE) + " to the test dependencies for SQLite, "
                    + "or set " + Servers.POSTGRES_URL + " or " + Servers.MYSQL_URL + tried);
        }
        throw new TestAbortedException("@GraftDatabase on " + testClass.getSimpleName() + ": the changelog declares "
                + declared + " and none is available: set " + Servers.POSTGRES_URL + " or " + Servers.MYSQL_URL
                + ", or run where Docker runs" + tried);
    }

    private static ProvisionedDatabase sqlite() {
        if (!Drivers.accepts(Drivers.sampleUrl(DialectId.SQLITE))) {
            throw new ExtensionConfigurationException(Drivers.missing(DialectId.SQLITE, "a temporary file"));
        }
        return Servers.sqlite();
    }

    private static HikariDataSource dataSource(ProvisionedDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        if (db.user() != null) {
            config.setUsername(db.user());
        }
        if (db.password() != null) {
            config.setPassword(db.password());
        }
        config.setPoolName("graft-junit");
        config.setMaximumPoolSize(db.dialect() == DialectId.SQLITE ? 2 : 5);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** What the tests of a class are handed, closed (and the database dropped) after them. */
    private record MigratedDatabase(ProvisionedDatabase provisioned, HikariDataSource dataSource, Graft graft) {

        Object get(Class<?> type) {
            if (type == DataSource.class) {
                return dataSource;
            }
            if (type == Graft.class) {
                return graft;
            }
            return provisioned.dialect();
        }

        void close() {
            try {
                graft.close();
                dataSource.close();
            } finally {
                provisioned.drop().run();
            }
        }
    }
}
