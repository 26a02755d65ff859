package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code sqitch.plan}, read as Sqitch 1.x reads it ({@code App::Sqitch::Plan::_parse}):
 * pragmas up to the first blank line ({@code %syntax-version}, {@code %project}, {@code %uri}),
 * then change lines {@code name [deps] timestamp planner <email> # note} and tag lines
 * {@code @tag timestamp planner <email> # note}. A change declared again after a tag is a rework:
 * the earlier one keeps its scripts as {@code name@TAG.sql}, with TAG the first of its rework tags
 * whose deploy script exists (Sqitch's {@code path_segments}).
 *
 * <p>Each change's id is computed exactly as Sqitch's {@code App::Sqitch::Plan::Change} computes
 * {@code change_id} (the SHA-1 of its {@code info}: project, uri, name, parent id, planner, date,
 * requires, conflicts, note), which is what Sqitch's registry records.
 */
final class SqitchPlan {

    private static final String PUNCT = "\\-!\"#$%&'()*+,./:;<=>?@\\[\\\\\\]^`{|}~";
    /** Sqitch's {@code name_regex}. */
    static final String NAME = "(?![" + PUNCT + "])(?:(?![~/=%^][0-9]+(?:$|[ \\t]))[^ \\t:@#\\\\])+(?<![" + PUNCT + "])\\b";
    private static final String TIMESTAMP = "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z";
    private static final Pattern NOTE = Pattern.compile("[ \\t]*(?:#[ \\t]*(.*))?$");
    private static final Pattern BLANK = Pattern.compile("^[ \\t]*(?:#[ \\t]*(.+)|$)");
    private static final Pattern PRAGMA = Pattern.compile("^[ \\t]*%[ \\t]*([^" + PUNCT + "](?:[^ \\t=]*?[^" + PUNCT
            + " \\t])?)(?:[ \\t]*=[ \\t]*(.+))?$");
    private static final Pattern LINE = Pattern.compile("^[ \\t]*(?:(@)|[ \\t]*([+-])[ \\t]*)?(" + NAME + ")(?:[ \\t]+)?"
            + "(?:\\[([^\\]]+)\\][ \\t]*)?(?:" + TIMESTAMP + "[ \\t]*)?(?:([^<]+)[ \\t]+<([^>]+)>)?$");
    private static final Pattern DEPENDENCY = Pattern.compile("^(!?)(?:(" + NAME + "):)?(?:([0-9a-f]{40})|(" + NAME
            + ")(?:@(" + NAME + "))?|@(" + NAME + "))$");

    /**
     * A dependency of a change: {@code [users flipr:users users@v1.0 !old other:thing]}.
     *
     * @param project the project as written before {@code :}, or null
     * @param change the change name, or null for a tag or an id
     * @param tag the tag, or null
     * @param id a change id written instead of a name, or null
     * @param text the dependency as written in the plan
     */
    record Dependency(boolean conflicts, String project, String change, String tag, String id, String text) {

        /** Sqitch's {@code key_name}: {@code change}, {@code change@tag}, {@code @tag} or the id. */
        String keyName() {
            String key = (change == null ? "" : change) + (tag == null ? "" : "@" + tag);
            return key.isEmpty() ? id : key;
        }

        /** Whether it names another project's change (Sqitch checks that one in the registry at deploy). */
        boolean external(String planProject, SqitchPlan plan) {
            String p = project(planProject, plan);
            return p == null || !p.equals(planProject);
        }

        private String project(String planProject, SqitchPlan plan) {
            if (project != null) {
                return project;
            }
            if (id == null) {
                return planProject;
            }
            return plan.changes.stream().anyMatch(c -> c.id().equals(id)) ? planProject : null;
        }

        /** Sqitch's {@code as_string}: the key, prefixed by the project when that is another one. */
        String asString(String planProject, SqitchPlan plan) {
            String p = project(planProject, plan);
            return p == null || p.equals(planProject) ? keyName() : p + ":" + keyName();
        }
    }

    /** A tag line: {@code @v1.0 ...}, on the change before it. */
    record Tag(String name, int line, Change change) {
    }

    /** A change line. */
    static final class Change {
        final String name;
        final int line;
        final String operator;
        final List<Dependency> requires;
        final List<Dependency> conflicts;
        final String timestamp;
        final String plannerName;
        final String plannerEmail;
        final String note;
        final Change parent;
        final List<Tag> tags = new ArrayList<>();
        final List<Tag> reworkTags = new ArrayList<>();
        private String id;
        private String info;
        private SqitchPlan plan;

        Change(String name, int line, String operator, List<Dependency> requires, List<Dependency> conflicts,
                String timestamp, String plannerName, String plannerEmail, String note, Change parent) {
            this.name = name;
            this.line = line;
            this.operator = operator;
            this.requires = List.copyOf(requires);
            this.conflicts = List.copyOf(conflicts);
            this.timestamp = timestamp;
            this.plannerName = plannerName;
            this.plannerEmail = plannerEmail;
            this.note = note;
            this.parent = parent;
        }

        boolean reworked() {
            return !reworkTags.isEmpty();
        }

        /** Sqitch's {@code info}: the text whose SHA-1 is the change's id. */
        String info() {
            if (info == null) {
                List<String> lines = new ArrayList<>();
                lines.add("project " + plan.project);
                if (plan.uri != null) {
                    lines.add("uri " + canonical(plan.uri));
                }
                lines.add("change " + name);
                if (parent != null) {
                    lines.add("parent " + parent.id());
                }
                lines.add("planner " + plannerName + " <" + plannerEmail + ">");
                lines.add("date " + timestamp);
                if (!requires.isEmpty()) {
                    lines.add("requires\n  + " + String.join("\n  + ",
                            requires.stream().map(d -> d.asString(plan.project, plan)).toList()));
                }
                if (!conflicts.isEmpty()) {
                    lines.add("conflicts\n  - " + String.join("\n  - ",
                            conflicts.stream().map(d -> d.asString(plan.project, plan)).toList()));
                }
                if (!note.isEmpty()) {
                    lines.add("");
                    lines.add(note);
                }
                info = String.join("\n", lines);
            }
            return info;
        }

        /** Sqitch's {@code change_id}: {@code sha1("change " + length + "\0" + info)}, the info in UTF-8. */
        String id() {
            if (id == null) {
                byte[] content = info().getBytes(StandardCharsets.UTF_8);
                id = sha1(("change " + content.length + "\0").getBytes(StandardCharsets.UTF_8), content);
            }
            return id;
        }
    }

    final String file;
    final String syntaxVersion;
    final String project;
    final String uri;
    final List<Change> changes;
    final List<Tag> tags;

    private SqitchPlan(String file, String syntaxVersion, String project, String uri, List<Change> changes,
            List<Tag> tags) {
        this.file = file;
        this.syntaxVersion = syntaxVersion;
        this.project = project;
        this.uri = uri;
        this.changes = List.copyOf(changes);
        this.tags = List.copyOf(tags);
        this.changes.forEach(c -> c.plan = this);
    }

    /**
     * Parses the plan's lines; each syntax error Sqitch would raise is a problem at
     * {@code file:line}, and the plan is read on past it where that is possible.
     */
    static SqitchPlan parse(String file, List<String> lines, List<Problem> problems) {
        Map<String, String> pragmas = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher blank = BLANK.matcher(line);
            if (blank.find()) {
                // comments go on; the first blank line ends the pragmas
                if (blank.group(1) == null) {
                    i++;
                    break;
                }
                continue;
            }
            String content = withoutNote(line).content();
            Matcher m = PRAGMA.matcher(content);
            if (!m.matches()) {
                problems.add(syntax(file, i + 1, "Invalid pragma; a blank line must come between pragmas and changes"));
                break;
            }
            pragmas.put(m.group(1), m.group(2) == null ? "1" : m.group(2));
        }
        String project = pragmas.get("project");
        if (project == null) {
            problems.add(Problem.at(SourceSpan.file(file), "Missing %project pragma in " + file,
                    "add '%project=NAME' at the top of the plan, as 'sqitch init' writes it"));
            project = "";
        } else if (!Pattern.compile("^" + NAME + "$").matcher(project).matches()) {
            problems.add(syntax(file, lineOf(lines, "%"), "invalid project name \"" + project + "\""));
        }
        String version = pragmas.getOrDefault("syntax-version", "1.0.0");
        if (!version.startsWith("1.")) {
            problems.add(Problem.at(SourceSpan.file(file), "%syntax-version " + version + " is not Sqitch's plan syntax 1.x",
                    "import a plan written by Sqitch 1.x"));
        }

        List<Change> changes = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        Map<String, Integer> sinceTag = new HashMap<>();
        Map<String, Integer> tagLines = new HashMap<>();
        Map<String, Change> named = new HashMap<>();
        Change previous = null;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            int no = i + 1;
            if (BLANK.matcher(line).find()) {
                continue;
            }
            Note split = withoutNote(line);
            Matcher m = LINE.matcher(split.content());
            if (!m.matches() || m.group(3) == null) {
                problems.add(syntax(file, no, "Invalid name; names must not begin with punctuation, contain \"@\","
                        + " \":\", \"#\", \"\\\", or blanks, or end in punctuation or digits following punctuation"));
                continue;
            }
            boolean tag = m.group(1) != null;
            String name = m.group(3);
            if (m.group(5) == null && m.group(11) == null) {
                problems.add(syntax(file, no, "Missing timestamp and planner name and email"));
                continue;
            } else if (m.group(5) == null) {
                problems.add(syntax(file, no, "Missing timestamp"));
                continue;
            } else if (m.group(11) == null) {
                problems.add(syntax(file, no, "Missing planner name and email"));
                continue;
            }
            if (name.equals("ROOT") || name.equals("HEAD")) {
                problems.add(syntax(file, no, "\"" + (tag ? "@" : "") + name + "\" is a reserved name"));
                continue;
            }
            if (name.matches("^[0-9a-f]{40}.*")) {
                problems.add(syntax(file, no, "\"" + name + "\" is invalid because it could be confused with a SHA1 ID"));
                continue;
            }
            String timestamp = m.group(5) + "-" + m.group(6) + "-" + m.group(7) + "T" + m.group(8) + ":" + m.group(9)
                    + ":" + m.group(10) + "Z";
            String plannerName = m.group(11);
            String plannerEmail = m.group(12);
            if (tag) {
                if (m.group(4) != null) {
                    problems.add(syntax(file, no, "Tags may not specify dependencies"));
                    continue;
                }
                if (name.contains("/")) {
                    problems.add(syntax(file, no, "Tag \"" + name + "\" contains illegal character /"));
                    continue;
                }
                if (previous == null) {
                    problems.add(syntax(file, no, "Tag \"" + name + "\" declared without a preceding change"));
                    continue;
                }
                Integer at = tagLines.putIfAbsent(name, no);
                if (at != null) {
                    problems.add(syntax(file, no, "Tag \"" + name + "\" duplicates earlier declaration on line " + at));
                    continue;
                }
                Tag t = new Tag(name, no, previous);
                previous.tags.add(t);
                tags.add(t);
                sinceTag.clear();
                continue;
            }
            Integer at = sinceTag.get(name);
            if (at != null) {
                problems.add(syntax(file, no, "Change \"" + name + "\" duplicates earlier declaration on line " + at));
                continue;
            }
            List<Dependency> requires = new ArrayList<>();
            List<Dependency> conflicts = new ArrayList<>();
            if (m.group(4) != null) {
                List<String> seen = new ArrayList<>();
                boolean bad = false;
                for (String text : m.group(4).strip().split("[ \\t]+")) {
                    Matcher d = DEPENDENCY.matcher(text);
                    if (!d.matches() || (d.group(3) == null && d.group(4) == null && d.group(6) == null)) {
                        problems.add(syntax(file, no, "\"" + text + "\" is not a valid dependency specification"));
                        bad = true;
                        continue;
                    }
                    if (seen.contains(text)) {
                        problems.add(syntax(file, no, "Duplicate dependency \"" + text + "\""));
                        bad = true;
                        continue;
                    }
                    seen.add(text);
                    Dependency dep = new Dependency(!d.group(1).isEmpty(), d.group(2), d.group(4), d.group(5) != null
                            ? d.group(5) : d.group(6), d.group(3), text);
                    (dep.conflicts() ? conflicts : requires).add(dep);
                }
                if (bad) {
                    continue;
                }
            }
            sinceTag.put(name, no);
            Change change = new Change(name, no, m.group(2) == null ? "" : m.group(2), requires, conflicts, timestamp,
                    plannerName, plannerEmail, split.note(), previous);
            Change duped = named.get(name);
            if (duped != null) {
                // Sqitch: the tags of the changes after the reworked one, nearest first, then its own
                List<Tag> rework = new ArrayList<>();
                for (int j = changes.size() - 1; j >= 0 && changes.get(j) != duped; j--) {
                    rework.addAll(changes.get(j).tags);
                }
                rework.addAll(duped.tags);
                duped.reworkTags.addAll(rework);
            }
            named.put(name, change);
            changes.add(change);
            previous = change;
        }
        return new SqitchPlan(file, version, project, pragmas.get("uri"), changes, tags);
    }

    private static int lineOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(prefix + "project")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static Problem syntax(String file, int line, String error) {
        return Problem.at(new SourceSpan(file, line, 0), "Syntax error in the plan: " + error,
                "correct the line as 'sqitch plan' would accept it (Sqitch refuses this plan too)");
    }

    private record Note(String content, String note) {
    }

    /** The line without its {@code # note}, and the note trimmed and unescaped as Sqitch does. */
    private static Note withoutNote(String line) {
        Matcher m = NOTE.matcher(line);
        if (!m.find()) {
            return new Note(line, "");
        }
        String note = m.group(1) == null ? "" : m.group(1).strip();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '\\' && i + 1 < note.length() && "\\nr".indexOf(note.charAt(i + 1)) >= 0) {
                char n = note.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : '\\');
            } else {
                out.append(c);
            }
        }
        return new Note(line.substring(0, m.start()), out.toString());
    }

    /**
     * The URI as Perl's {@code URI->canonical} writes it for the URIs plans carry: scheme and host
     * in lower case, the scheme's default port dropped, an empty http(s) path as {@code /}.
     */
    static String canonical(String uri) {
        try {
            URI u = new URI(uri);
            if (u.getScheme() == null || u.isOpaque() || u.getRawAuthority() == null) {
                return u.getScheme() == null ? uri : u.getScheme().toLowerCase(Locale.ROOT) + uri.substring(u.getScheme().length());
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
                port = -1;
            }
            String path = u.getRawPath();
            if ((scheme.equals("http") || scheme.equals("https")) && (path == null || path.isEmpty())) {
                path = "/";
            }
            if (host == null) {
                return scheme + uri.substring(u.getScheme().length());
            }
            return scheme + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + host
                    + (port == -1 ? "" : ":" + port) + (path == null ? "" : path)
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
                    + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    /** The SHA-1 of the bytes, in lower-case hex, as Sqitch writes ids and script hashes. */
    static String sha1(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            for (byte[] p : parts) {
                sha.update(p);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }
}
