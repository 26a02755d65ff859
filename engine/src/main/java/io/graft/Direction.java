package io.graft;

/** Which way a plan moves the database. */
public enum Direction {
    /** Applying revisions: their {@code up} files, parents first. */
    UP,
    /** Reverting revisions: their {@code down} files, children first. */
    DOWN
}
