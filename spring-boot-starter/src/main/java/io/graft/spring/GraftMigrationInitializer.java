package io.graft.spring;

import io.graft.ChangelogException;
import io.graft.Graft;
import io.graft.GraftException;
import io.graft.Hints;
import io.graft.Problem;
import io.graft.RunResult;
import io.graft.SourceSpan;
import io.graft.Status;
import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Graft when the application context starts: the {@link GraftMigrationStrategy} bean if
 * there is one, else the check of {@code graft.fail-on-pending}, else the upgrade to
 * {@code graft.target}. It is a database initializer to Spring Boot
 * ({@code GraftDatabaseInitializerDetector}), so the EntityManagerFactory, JdbcTemplate and
 * DSLContext beans are created after it.
 */
public class GraftMigrationInitializer implements InitializingBean {

    private static final Log LOG = LogFactory.getLog(GraftMigrationInitializer.class);

    private final Graft graft;
    private final GraftProperties properties;
    private final GraftMigrationStrategy strategy;

    /** @param strategy the application's own call, or {@code null} for the default */
    public GraftMigrationInitializer(Graft graft, GraftProperties properties, GraftMigrationStrategy strategy) {
        this.graft = graft;
        this.properties = properties;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(graft);
            return;
        }
        requireDialects(graft.validate(), properties.getDialects());
        if (properties.isFailOnPending()) {
            requireUpToDate(graft.check());
            return;
        }
        RunResult result = graft.upgrade(properties.getTarget());
        if (result.steps().isEmpty()) {
            LOG.info("Graft: the database is up to date (" + properties.getTarget() + ")");
        } else {
            LOG.info("Graft: applied " + result.steps().size() + " revision(s) in " + result.elapsedMs() + " ms");
        }
    }

    /** {@code graft.fail-on-pending}: the history is checked by {@link Graft#check()} (drift throws); pending revisions stop the start. */
    private static void requireUpToDate(Status status) {
        if (!status.pending().isEmpty()) {
            List<String> ids = status.pending().stream().map(Revision::id).toList();
            throw new GraftException(Hints.append("graft.fail-on-pending is set and " + ids.size()
                    + " revision(s) are pending: " + String.join(", ", ids),
                    "apply them first (graft up), or unset graft.fail-on-pending to migrate at start-up"));
        }
        LOG.info("Graft: the database is up to date (graft.fail-on-pending)");
    }

    /** {@code graft.dialects}: each must be a dialect name, and declared by a changelog that declares its dialects. */
    static void requireDialects(Changelog changelog, List<String> wanted) {
        for (String name : wanted) {
            DialectId id = DialectId.fromKey(name.trim()).orElseThrow(() -> new GraftException(Hints.append(
                    "graft.dialects: unknown dialect '" + name + "'", "use " + Arrays.stream(DialectId.values())
                            .map(DialectId::key).collect(Collectors.joining(", ")))));
            if (!changelog.dialects().isEmpty() && !changelog.dialects().contains(id)) {
                throw new ChangelogException(Problem.at(SourceSpan.file(changelog.file().toString()),
                        "graft.dialects names " + id.key() + ", but the changelog declares dialects "
                                + changelog.dialects().stream().map(DialectId::key).sorted().toList(),
                        "add '" + id.key() + "' to 'dialects:' and give each revision a file for it"));
            }
        }
    }
}
