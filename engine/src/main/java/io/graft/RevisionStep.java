package io.graft;

/**
 * One revision applied or reverted by a run.
 *
 * @param revisionId the revision
 * @param description its description, or null
 * @param direction up or down
 * @param statements how many statements ran
 * @param executionMs how long it took
 */
public record RevisionStep(String revisionId, String description, Direction direction, int statements, long executionMs) {
}
