package io.graft.spring;

import io.graft.fleet.FleetTarget;
import java.util.List;

/**
 * A bean that supplies the tenants migrated at start-up, after the application's own database
 * (with those of {@code graft.tenants.schemas}): e.g. read from a tenants table.
 * {@code io.graft.fleet.TargetSources} makes targets from schema names, URLs or files.
 */
@FunctionalInterface
public interface GraftTenants {

    List<FleetTarget> targets();
}
