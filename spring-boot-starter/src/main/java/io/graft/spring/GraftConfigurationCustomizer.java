package io.graft.spring;

import io.graft.Graft;

/**
 * Changes the {@link Graft.Builder} after the {@code graft.*} properties are applied and before
 * the {@code Graft} bean is built (a listener, another changelog, ...). Beans of this type are
 * called in their {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface GraftConfigurationCustomizer {

    void customize(Graft.Builder builder);
}
