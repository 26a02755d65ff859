package io.graft.internal.lint;

import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which dialect a changelog without {@code dialects:} is written for, from tell-tale SQL. Lint must
 * split files the way their database will: a PostgreSQL function body read as SQLite, or an SQLite
 * trigger read as PostgreSQL, falls apart into statements that were never written. The first
 * dialect of {@link #SIGNS} wins a tie, so PostgreSQL wins when nothing tells.
 *
 * <p>The signs are data about how people write SQL, used by lint alone; they stay here rather
 * than in the dialects, which describe how Graft talks to a database.
 */
final class DialectGuess {

    /** Tell-tale SQL per dialect, in the order that breaks a tie. */
    private static final Map<DialectId, List<Pattern>> SIGNS = new LinkedHashMap<>();

    static {
        SIGNS.put(DialectId.POSTGRESQL, patterns("\\$[A-Za-z_]*\\$", "\\bconcurrently\\b", "::",
                "\\b(big)?serial\\b", "\\bjsonb\\b", "\\bplpgsql\\b", "\\btimestamptz\\b",
                "\\bcreate\\s+extension\\b", "\\bilike\\b"));
        SIGNS.put(DialectId.MYSQL, patterns("`", "\\bauto_increment\\b", "^\\s*delimiter\\s", "\\bengine\\s*=",
                "\\bunsigned\\b", "^\\s*#"));
        SIGNS.put(DialectId.SQLITE, patterns("\\bautoincrement\\b", "\\bpragma\\b", "\\bwithout\\s+rowid\\b",
                "\\bstrict\\s*;", "\\bfor\\s+each\\s+row\\s+begin\\b"));
    }

    private DialectGuess() {
    }

    static DialectId guess(Changelog changelog) {
        Set<String> files = new LinkedHashSet<>();
        for (Revision r : changelog.revisions()) {
            for (SqlRef ref : new SqlRef[] {r.up(), r.down()}) {
                if (ref != null && ref.common() != null) {
                    files.add(ref.common());
                }
            }
        }
        Map<DialectId, Integer> score = new EnumMap<>(DialectId.class);
        for (String f : files) {
            String text;
            try {
                text = Files.readString(changelog.resolve(f)).toLowerCase(Locale.ROOT);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            SIGNS.forEach((dialect, patterns) -> {
                for (Pattern p : patterns) {
                    if (p.matcher(text).find()) {
                        score.merge(dialect, 1, Integer::sum);
                    }
                }
            });
        }
        DialectId best = null;
        int bestScore = -1;
        for (DialectId d : SIGNS.keySet()) {
            if (score.getOrDefault(d, 0) > bestScore) {
                best = d;
                bestScore = score.getOrDefault(d, 0);
            }
        }
        return best;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.MULTILINE)).toList();
    }
}
