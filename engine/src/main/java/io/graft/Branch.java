package io.graft;

import java.util.List;

/**
 * A labelled branch of the changelog.
 *
 * @param label the label
 * @param revisionId the revision that carries it
 * @param heads the heads that descend from that revision (one, unless the branch itself forks)
 */
public record Branch(String label, String revisionId, List<String> heads) {

    public Branch {
        heads = List.copyOf(heads);
    }
}
