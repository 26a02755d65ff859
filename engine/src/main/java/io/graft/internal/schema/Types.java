package io.graft.internal.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which type changes keep every value, so that a diff does not call them destructive. */
final class Types {

    private static final List<List<String>> INTEGERS = List.of(
            List.of("tinyint"), List.of("smallint", "int2"), List.of("mediumint"),
            List.of("integer", "int", "int4"), List.of("bigint", "int8"));
    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)(.*)");

    private Types() {
    }

    static boolean widens(String from, String to) {
        String a = from.toLowerCase(Locale.ROOT).strip();
        String b = to.toLowerCase(Locale.ROOT).strip();
        if (b.equals("text") || b.equals("longtext")) {
            return a.startsWith("char") || a.startsWith("varchar") || a.startsWith("character") || a.equals("text")
                    || a.endsWith("text");
        }
        int ia = integerRank(a);
        int ib = integerRank(b);
        if (ia >= 0 && ib >= 0) {
            return ib >= ia && a.contains("unsigned") == b.contains("unsigned");
        }
        Matcher ma = SIZED.matcher(a);
        Matcher mb = SIZED.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1)) && ma.group(4).equals(mb.group(4))) {
            int scaleA = ma.group(3) == null ? 0 : Integer.parseInt(ma.group(3));
            int scaleB = mb.group(3) == null ? 0 : Integer.parseInt(mb.group(3));
            int intA = Integer.parseInt(ma.group(2)) - scaleA;
            int intB = Integer.parseInt(mb.group(2)) - scaleB;
            return intB >= intA && scaleB >= scaleA;
        }
        return false;
    }

    private static int integerRank(String type) {
        String base = type.replaceAll("\\(\\d+\\)", "").replace("unsigned", "").strip();
        for (int i = 0; i < INTEGERS.size(); i++) {
            if (INTEGERS.get(i).contains(base)) {
                return i;
            }
        }
        return -1;
    }
}
