package io.graft.internal.lint;

import io.graft.changelog.Changelog;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import io.graft.changelog.SqlRef;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which dialect a changelog without {@code dialects:} is written for, from tell-tale SQL. Lint must
 * split files the way their database will: a PostgreSQL function body read as SQLite, or an SQLite
 * trigger read as PostgreSQL, falls apart into statements that were never written. PostgreSQL
 * wins when nothing tells.
 */
final class DialectGuess {

    private static final Map<DialectId, List<Pattern>> SIGNS = Map.of(
            DialectId.POSTGRESQL, patterns("\\$[A-Za-z_]*\\$", "\\bconcurrently\\b", "::", "\\b(big)?serial\\b",
                    "\\bjsonb\\b", "\\bplpgsql\\b", "\\btimestamptz\\b", "\\bcreate\\s+extension\\b", "\\bilike\\b"),
            DialectId.MYSQL, patterns("`", "\\bauto_increment\\b", "^\\s*delimiter\\s", "\\bengine\\s*=",
                    "\\bunsigned\\b", "^\\s*#"),
            DialectId.SQLITE, patterns("\\bautoincrement\\b", "\\bpragma\\b", "\\bwithout\\s+rowid\\b",
                    "\\bstrict\\s*;", "\\bfor\\s+each\\s+row\\s+begin\\b"));

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
        DialectId best = DialectId.POSTGRESQL;
        int bestScore = score.getOrDefault(best, 0);
        for (DialectId d : List.of(DialectId.MYSQL, DialectId.SQLITE)) {
            if (score.getOrDefault(d, 0) > bestScore) {
                best = d;
                bestScore = score.get(d);
            }
        }
        return best;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.MULTILINE)).toList();
    }
}
