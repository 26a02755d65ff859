package io.graft.internal.sql;

import java.util.List;

/**
 * The first words of a statement as {@link SqlSplitter}'s lexer reads them under a dialect's
 * {@link SplitOptions} (see {@link SqlSplitter#tokens}): words upper-cased, strings and quoted
 * names as their quote character, other characters as themselves, comments skipped. Rules that
 * must hold for every statement, including those JSqlParser cannot read, look only at these.
 */
public record Words(List<String> tokens) {

    public Words {
        tokens = List.copyOf(tokens);
    }

    /** The first {@code max} words of {@code sql}. */
    public static Words of(String sql, SplitOptions options, int max) {
        return new Words(SqlSplitter.tokens(sql, options, max));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int size() {
        return tokens.size();
    }

    /** The word at {@code i}, or {@code ""} past the end. */
    public String get(int i) {
        return i < tokens.size() ? tokens.get(i) : "";
    }

    public boolean at(int i, String word) {
        return i < tokens.size() && tokens.get(i).equals(word);
    }

    /** Where {@code word} first occurs, or -1. */
    public int indexOf(String word) {
        return tokens.indexOf(word);
    }

    public boolean contains(String word) {
        return tokens.contains(word);
    }

    /** Whether {@code word} occurs at {@code from} or later. */
    public boolean containsFrom(int from, String word) {
        return from < tokens.size() && tokens.subList(from, tokens.size()).contains(word);
    }

    /** The first word at or after {@code i}, past an optional parenthesised option list: {@code REINDEX (VERBOSE) SCHEMA}. */
    public String afterOptions(int i) {
        if (at(i, "(")) {
            int close = tokens.indexOf(")");
            if (close < 0) {
                return "";
            }
            i = close + 1;
        }
        return get(i);
    }
}
