package io.graft;

import java.util.List;
import java.util.Objects;

/**
 * What {@code graft new} / {@code graft merge} should create.
 *
 * @param message the description; also the slug of the id
 * @param parents the parents; empty means "the single head" for {@code new} (an error when there
 *     are several) and "every head" for {@code merge}
 * @param labels branch labels for the new revision
 * @param dependsOn ids it depends on without being their child
 * @param transactional false writes {@code transaction: false}
 * @param idScheme how the id is made
 */
public record NewRevision(String message, List<String> parents, List<String> labels, List<String> dependsOn,
        boolean transactional, IdScheme idScheme) {

    /** How new ids are made; both sort in creation order. */
    public enum IdScheme {
        /** {@code 20260124153012_add_users}: UTC time to the second, then a slug of the message (the default). */
        TIMESTAMP,
        /** {@code 0007_add_users}: one more than the highest leading number in the changelog, four digits. */
        SEQUENCE
    }

    public NewRevision {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(idScheme, "idScheme");
        parents = List.copyOf(parents);
        labels = List.copyOf(labels);
        dependsOn = List.copyOf(dependsOn);
    }

    public static NewRevision of(String message) {
        return new NewRevision(message, List.of(), List.of(), List.of(), true, IdScheme.TIMESTAMP);
    }
}
