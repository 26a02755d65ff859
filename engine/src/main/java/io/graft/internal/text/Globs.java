package io.graft.internal.text;

import java.util.regex.Pattern;

/** Shell-style globs on names: {@code *} any run of characters, {@code ?} one; nothing else is special. */
public final class Globs {

    private Globs() {
    }

    /** The glob as a pattern that must match a whole name. */
    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
