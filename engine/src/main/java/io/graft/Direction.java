package io.graft;

/** Which way a plan moves the database. */
public enum Direction {
    UP,
    DOWN
}
