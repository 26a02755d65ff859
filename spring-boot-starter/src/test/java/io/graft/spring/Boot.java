package io.graft.spring;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * Spring Boot's auto-configurations by simple name, from their Spring Boot 3 or Spring Boot 4
 * package, so that the same tests run on both ({@code -Dspring-boot.version=4.0.7}).
 */
final class Boot {

    private static final String[] PACKAGES = {
        "org.springframework.boot.autoconfigure.jdbc.", "org.springframework.boot.jdbc.autoconfigure.",
        "org.springframework.boot.autoconfigure.orm.jpa.", "org.springframework.boot.hibernate.autoconfigure.",
        "org.springframework.boot.autoconfigure.transaction.", "org.springframework.boot.transaction.autoconfigure.",
        "org.springframework.boot.autoconfigure.jooq.", "org.springframework.boot.jooq.autoconfigure.",
        "org.springframework.boot.actuate.autoconfigure.endpoint.",
    };

    private Boot() {
    }

    static AutoConfigurations of(String... simpleNames) {
        return AutoConfigurations.of(Arrays.stream(simpleNames).map(Boot::find).toArray(Class<?>[]::new));
    }

    private static Class<?> find(String simpleName) {
        for (String p : PACKAGES) {
            try {
                return Class.forName(p + simpleName);
            } catch (ClassNotFoundException e) {
                // the other version's package
            }
        }
        throw new IllegalArgumentException("no auto-configuration " + simpleName);
    }
}
