package io.graft.sql;

import io.graft.changelog.DialectId;

/**
 * What the one SQL lexer of {@link SqlSplitter} recognises. Dialects differ only in these flags
 * (Atlas style); there is no lexer per dialect. {@link #forDialect(DialectId)} gives the usual set.
 *
 * @param dollarQuotes {@code $$...$$} and {@code $tag$...$tag$} strings (PostgreSQL); when off,
 *     {@code $} is an identifier character
 * @param backslashEscapes a backslash escapes the next character inside {@code '...'} and
 *     {@code "..."} (MySQL without {@code NO_BACKSLASH_ESCAPES})
 * @param escapeStrings {@code E'...'} strings, where a backslash escapes the next character (PostgreSQL)
 * @param nestedBlockComments {@code /* /* *&#47; *&#47;} nests (PostgreSQL); otherwise the first
 *     {@code *&#47;} closes the comment
 * @param executableComments {@code /*! ... *&#47;} and {@code /*M! ... *&#47;} are statement text,
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

    public static final SplitOptions POSTGRESQL = new SplitOptions(
            true, false, true, true, false, false, false, false, false, true, true, false, false, false,
            true, true);

    public static final SplitOptions SQLITE = new SplitOptions(
            false, false, false, false, false, false, false, true, true, false, false, true, false, false,
            false, false);

    public static final SplitOptions MYSQL = new SplitOptions(
            false, true, false, false, true, true, true, true, false, false, false, false, true, true,
            false, false);

    public static SplitOptions forDialect(DialectId dialect) {
        return switch (dialect) {
            case POSTGRESQL -> POSTGRESQL;
            case SQLITE -> SQLITE;
            case MYSQL -> MYSQL;
        };
    }
}
