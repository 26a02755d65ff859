package io.graft.spring;

import io.graft.Graft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Graft is on when its changelog exists. The default location ({@code classpath:db/changelog.yaml})
 * may be absent, and Graft then stays off; a location set in {@code graft.changelog} must exist,
 * and the start fails with Graft's error when it does not.
 */
class ChangelogCondition extends SpringBootCondition {

    static final String DEFAULT = "classpath:db/changelog.yaml";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String location = context.getEnvironment().getProperty("graft.changelog");
        if (location != null) {
            return ConditionOutcome.match("graft.changelog is set: " + location);
        }
        if (context.getResourceLoader().getResource(DEFAULT).exists()) {
            return ConditionOutcome.match("found the changelog " + DEFAULT);
        }
        return ConditionOutcome.noMatch("no changelog at " + DEFAULT + " (set graft.changelog to use another)");
    }

    /**
     * {@code classpath:} locations, and locations without a prefix, are read by Graft with the
     * application's class loader (a folder, a jar, a Spring Boot jar); others through the URI of
     * Spring's resource ({@code file:}, ...).
     */
    static void apply(Graft.Builder builder, String location, ResourceLoader resourceLoader) {
        String l = location.trim();
        ClassLoader loader = resourceLoader.getClassLoader();
        if (loader != null) {
            builder.classLoader(loader);
        }
        if (l.toLowerCase(Locale.ROOT).startsWith("classpath:")) {
            builder.changelog(l);
        } else if (!l.contains(":") || l.startsWith("/")) {
            builder.changelog("classpath:" + (l.startsWith("/") ? l.substring(1) : l));
        } else {
            Resource resource = resourceLoader.getResource(l);
            try {
                builder.changelog(resource.getURI());
            } catch (IOException e) {
                throw new UncheckedIOException("graft.changelog: cannot read " + l + ": " + e.getMessage(), e);
            }
        }
    }
}
