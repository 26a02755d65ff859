package io.graft;

/** How {@code graft repair ID} resolves a revision left {@code running} by a stopped non-transactional run. */
public enum RepairAction {
    /** Its remaining statements were finished by hand: record it as applied. */
    APPLIED,
    /** Its completed statements were undone by hand: remove its row. */
    ROLLED_BACK
}
