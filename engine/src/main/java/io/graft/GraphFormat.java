package io.graft;

/** Output languages of {@code graft graph}. */
public enum GraphFormat {
    /** A Mermaid flowchart (GitHub, GitLab and many editors render it in Markdown). */
    MERMAID,
    /** Graphviz DOT ({@code dot -Tsvg}). */
    DOT
}
