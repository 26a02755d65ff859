package io.graft.spring;

import io.graft.GraftException;
import io.graft.Hints;
import io.graft.Target;
import io.graft.fleet.Fleet;
import io.graft.fleet.FleetResult;
import io.graft.fleet.FleetTarget;
import io.graft.fleet.TargetResult;
import io.graft.fleet.TargetSources;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the tenants ({@code graft.tenants.schemas}, {@link GraftTenants} beans) at start-up,
 * after {@link GraftMigrationInitializer}, with {@code graft.tenants.parallel} at once; the start
 * fails, naming each tenant that failed and why, unless every one succeeded.
 */
public class GraftFleetInitializer implements InitializingBean {

    private static final Log LOG = LogFactory.getLog(GraftFleetInitializer.class);

    private final GraftProperties properties;
    private final List<GraftTenants> suppliers;
    private final ResourceLoader resourceLoader;
    private final Environment environment;

    public GraftFleetInitializer(GraftProperties properties, List<GraftTenants> suppliers, ResourceLoader resourceLoader,
            Environment environment) {
        this.properties = properties;
        this.suppliers = suppliers;
        this.resourceLoader = resourceLoader;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        GraftProperties.Tenants tenants = properties.getTenants();
        List<FleetTarget> targets = new ArrayList<>();
        String user = properties.getUser() != null ? properties.getUser() : environment.getProperty("spring.datasource.username");
        String password = properties.getPassword() != null ? properties.getPassword()
                : properties.getUser() != null ? null : environment.getProperty("spring.datasource.password");
        if (!tenants.getSchemas().isEmpty()) {
            String base = tenants.getUrl() != null ? tenants.getUrl()
                    : properties.getUrl() != null ? properties.getUrl() : environment.getProperty("spring.datasource.url");
            if (base == null) {
                throw new GraftException(Hints.append("graft.tenants.schemas needs a URL to go with",
                        "set graft.tenants.url, graft.url or spring.datasource.url"));
            }
            targets.addAll(TargetSources.tenants(base, tenants.getSchemas()));
        }
        suppliers.forEach(s -> targets.addAll(s.targets()));
        if (targets.isEmpty()) {
            return;
        }
        FleetResult result = Fleet.builder()
                .configure(b -> ChangelogCondition.apply(b, properties.getChangelog(), resourceLoader))
                .targets(targets)
                .credentials(user, password)
                .tablePrefix(properties.getTablePrefix())
                .lockTimeout(properties.getLockTimeout())
                .parallel(tenants.getParallel())
                .maxFailures(tenants.getMaxFailures())
                .build()
                .upgrade(Target.parse(properties.getTarget()));
        if (!result.succeeded()) {
            throw new GraftException(result.failures().size() + " of " + result.results().size()
                    + " tenant(s) failed to migrate:\n" + result.failures().stream()
                            .map(r -> "  " + r.name() + " (" + r.url() + "): " + r.fault().orElse("error") + ": "
                                    + r.error().getMessage())
                            .collect(Collectors.joining("\n"))
                    + (result.count(TargetResult.Outcome.SKIPPED) > 0
                            ? "\n  " + result.count(TargetResult.Outcome.SKIPPED) + " not started" : ""));
        }
        LOG.info("Graft: " + result.results().size() + " tenant(s) migrated, " + result.revisionsApplied()
                + " revision(s) applied in " + result.elapsedMs() + " ms");
    }
}
