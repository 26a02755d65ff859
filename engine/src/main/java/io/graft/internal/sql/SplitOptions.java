package io.graft.internal.sql;


/**
 * What the one SQL lexer of {@link SqlSplitter} recognises. Dialects differ only in these flags
 * (Atlas style); there is no lexer per dialect. Each dialect gives its set
 * ({@code Dialect.splitOptions()}), one of the presets below.
 *
 * @param dollarQuotes {@code $$...$$} and {@code $tag$...$tag$} strings (PostgreSQL); when off,
 *     {@code $} is an identifier character
 * @param backslashEscapes a backslash escapes the next character inside {@code '...'} and
 *     {@code "..."} (MySQL without {@code NO_BACKSLASH_ESCAPES})
 * @param escapeStrings {@code E'...'} strings, where a backslash escapes the next character (PostgreSQL)
 * @param nestedBlockComments <code>/* /* *&#47; *&#47;</code> nests (PostgreSQL); otherwise the first
 *     <code>*&#47;</code> closes the comment
 * @param executableComments <code>/*! ... *&#47;</code> and <code>/*M! ... *&#47;</code> are statement text,
 *     not comments (MySQL, MariaDB): a statement may consist of one
 * @param hashComments {@code #} starts a comment to the end of the line (MySQL)
 * @param dashCommentNeedsSpace {@code --} starts a comment only when followed by whitespace or the
 *     end of the file (MySQL); otherwise {@code --} always does
 * @param backtickIdentifiers {@code `...`} identifiers with doubled backticks (MySQL, SQLite)
 * @param bracketIdentifiers {@code [...]} identifiers (SQLite)
 * @param semicolonInParentheses a {@code ;} inside parentheses does not end the statement, as in
 *     psql (PostgreSQL {@code CREATE RULE ... DO ALSO (...; ...)})
 * @param beginAtomicBodies {@code BEGIN ATOMIC ... END} bodies of SQL-standard functions and
 *     procedures hold their {@code ;} (PostgreSQL 14+), {@code CASE ... END} included
 * @param triggerBodies the {@code BEGIN ... END} body of {@code CREATE TRIGGER} holds its
 *     {@code ;} (SQLite), {@code CASE ... END} included; a {@code BEGIN;} elsewhere is a statement
 * @param compoundBodies {@code BEGIN ... END} bodies of {@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT}
 *     hold their {@code ;} (MySQL), understanding {@code END IF}, {@code END LOOP},
 *     {@code END WHILE}, {@code END REPEAT}, {@code END CASE} and labels
 * @param delimiterCommand {@code DELIMITER xx} lines of the mysql client change the statement
 *     delimiter until the next one; they are not statements themselves
 * @param rejectPsqlMetaCommands a backslash outside strings and comments ({@code \set},
 *     {@code \i}, {@code \connect}, ...) is a psql meta-command and an error
 * @param copyFromStdin {@code COPY ... FROM stdin;} is followed by data lines up to {@code \.},
 *     returned as {@link SqlStatement#copyData()}
 */
public record SplitOptions(
        boolean dollarQuotes,
        boolean backslashEscapes,
        boolean escapeStrings,
        boolean nestedBlockComments,
        boolean executableComments,
        boolean hashComments,
        boolean dashCommentNeedsSpace,
        boolean backtickIdentifiers,
        boolean bracketIdentifiers,
        boolean semicolonInParentheses,
        boolean beginAtomicBodies,
        boolean triggerBodies,
        boolean compoundBodies,
        boolean delimiterCommand,
        boolean rejectPsqlMetaCommands,
        boolean copyFromStdin) {

    /** ANSI SQL only: {@code '...'}, {@code "..."}, {@code --} and non-nested block comments. */
    public static final SplitOptions STANDARD = new SplitOptions(
            false, false, false, false, false, false, false, false, false, false, false, false, false, false,
            false, false);

    /** psql's rules. */
    public static final SplitOptions POSTGRESQL = builder()
            .dollarQuotes(true)
            .escapeStrings(true)
            .nestedBlockComments(true)
            .semicolonInParentheses(true)
            .beginAtomicBodies(true)
            .rejectPsqlMetaCommands(true)
            .copyFromStdin(true)
            .build();

    /** The sqlite3 shell's rules. */
    public static final SplitOptions SQLITE = builder()
            .backtickIdentifiers(true)
            .bracketIdentifiers(true)
            .triggerBodies(true)
            .rejectPsqlMetaCommands(true)
            .build();

    /** The mysql client's rules (MySQL and MariaDB, default SQL mode). */
    public static final SplitOptions MYSQL = builder()
            .backslashEscapes(true)
            .executableComments(true)
            .hashComments(true)
            .dashCommentNeedsSpace(true)
            .backtickIdentifiers(true)
            .compoundBodies(true)
            .delimiterCommand(true)
            .rejectPsqlMetaCommands(true)
            .build();

    /** A builder starting from these options, to change a few flags. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from {@link #STANDARD} (every flag off). */
    public static Builder builder() {
        return new Builder(STANDARD);
    }

    public static final class Builder {
        private boolean dollarQuotes;
        private boolean backslashEscapes;
        private boolean escapeStrings;
        private boolean nestedBlockComments;
        private boolean executableComments;
        private boolean hashComments;
        private boolean dashCommentNeedsSpace;
        private boolean backtickIdentifiers;
        private boolean bracketIdentifiers;
        private boolean semicolonInParentheses;
        private boolean beginAtomicBodies;
        private boolean triggerBodies;
        private boolean compoundBodies;
        private boolean delimiterCommand;
        private boolean rejectPsqlMetaCommands;
        private boolean copyFromStdin;

        private Builder(SplitOptions from) {
            dollarQuotes = from.dollarQuotes;
            backslashEscapes = from.backslashEscapes;
            escapeStrings = from.escapeStrings;
            nestedBlockComments = from.nestedBlockComments;
            executableComments = from.executableComments;
            hashComments = from.hashComments;
            dashCommentNeedsSpace = from.dashCommentNeedsSpace;
            backtickIdentifiers = from.backtickIdentifiers;
            bracketIdentifiers = from.bracketIdentifiers;
            semicolonInParentheses = from.semicolonInParentheses;
            beginAtomicBodies = from.beginAtomicBodies;
            triggerBodies = from.triggerBodies;
            compoundBodies = from.compoundBodies;
            delimiterCommand = from.delimiterCommand;
            rejectPsqlMetaCommands = from.rejectPsqlMetaCommands;
            copyFromStdin = from.copyFromStdin;
        }

        public Builder dollarQuotes(boolean on) {
            dollarQuotes = on;
            return this;
        }

        public Builder backslashEscapes(boolean on) {
            backslashEscapes = on;
            return this;
        }

        public Builder escapeStrings(boolean on) {
            escapeStrings = on;
            return this;
        }

        public Builder nestedBlockComments(boolean on) {
            nestedBlockComments = on;
            return this;
        }

        public Builder executableComments(boolean on) {
            executableComments = on;
            return this;
        }

        public Builder hashComments(boolean on) {
            hashComments = on;
            return this;
        }

        public Builder dashCommentNeedsSpace(boolean on) {
            dashCommentNeedsSpace = on;
            return this;
        }

        public Builder backtickIdentifiers(boolean on) {
            backtickIdentifiers = on;
            return this;
        }

        public Builder bracketIdentifiers(boolean on) {
            bracketIdentifiers = on;
            return this;
        }

        public Builder semicolonInParentheses(boolean on) {
            semicolonInParentheses = on;
            return this;
        }

        public Builder beginAtomicBodies(boolean on) {
            beginAtomicBodies = on;
            return this;
        }

        public Builder triggerBodies(boolean on) {
            triggerBodies = on;
            return this;
        }

        public Builder compoundBodies(boolean on) {
            compoundBodies = on;
            return this;
        }

        public Builder delimiterCommand(boolean on) {
            delimiterCommand = on;
            return this;
        }

        public Builder rejectPsqlMetaCommands(boolean on) {
            rejectPsqlMetaCommands = on;
            return this;
        }

        public Builder copyFromStdin(boolean on) {
            copyFromStdin = on;
            return this;
        }

        public SplitOptions build() {
            return new SplitOptions(dollarQuotes, backslashEscapes, escapeStrings, nestedBlockComments, executableComments, hashComments, dashCommentNeedsSpace, backtickIdentifiers, bracketIdentifiers, semicolonInParentheses, beginAtomicBodies, triggerBodies, compoundBodies, delimiterCommand, rejectPsqlMetaCommands, copyFromStdin);
        }
    }
}
