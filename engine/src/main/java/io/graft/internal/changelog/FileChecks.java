package io.graft.internal.changelog;

/** How much a load checks of the SQL files a changelog names. */
public enum FileChecks {
    /**
     * Every rule of DESIGN.md §2: each file exists, stays inside the changelog's folder (symbolic
     * links too), is a regular file and is UTF-8. Reads every file.
     */
    FULL,
    /**
     * Only what the paths' text says (no absolute path, no {@code ..} escape, {@code /} as the
     * separator): no file is looked up or opened. For commands that never run SQL ({@code heads},
     * {@code branches}, {@code show}, {@code history}, {@code graph}).
     */
    NONE
}
