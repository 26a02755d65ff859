package io.graft;

import io.graft.changelog.Revision;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grammar of {@link Target}: names use the id alphabet, so {@code @ + -} can only be syntax. */
final class TargetSyntax {

    private TargetSyntax() {
    }

    private static final String NAME_PART = "([" + Revision.ID_ALPHABET + "]+)";
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");
    private static final Pattern BRANCH_HEAD = Pattern.compile(NAME_PART + "@head");
    private static final Pattern BRANCH_RELATIVE = Pattern.compile(NAME_PART + "@([+-])(\\d+)");
    private static final Pattern OFFSET = Pattern.compile(NAME_PART + "([+-])(\\d+)");
    private static final Pattern NAME = Revision.ID_PATTERN;

    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw syntax(text == null ? "" : text, "a target cannot be empty");
        }
        switch (text) {
            case "head":
                return new Target.Head();
            case "heads":
                return new Target.Heads();
            case "base":
                return new Target.Base();
            default:
                break;
        }
        Matcher m = RELATIVE.matcher(text);
        if (m.matches()) {
            return new Target.Relative(steps(text, m.group(1), m.group(2)));
        }
        m = BRANCH_HEAD.matcher(text);
        if (m.matches()) {
            return new Target.BranchHead(m.group(1));
        }
        m = BRANCH_RELATIVE.matcher(text);
        if (m.matches()) {
            return new Target.BranchRelative(m.group(1), steps(text, m.group(2), m.group(3)));
        }
        m = OFFSET.matcher(text);
        if (m.matches()) {
            return new Target.Offset(m.group(1), steps(text, m.group(2), m.group(3)));
        }
        if (NAME.matcher(text).matches()) {
            return new Target.Named(text);
        }
        if (text.contains(":")) {
            throw syntax(text, "a range FROM:TO is only accepted by history");
        }
        if (text.contains("@")) {
            throw syntax(text, "after '@' comes 'head', '+N' or '-N'");
        }
        throw syntax(text, "ids and labels use letters, digits, '_' and '.' only");
    }

    private static int steps(String text, String sign, String digits) {
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw syntax(text, "the step count " + digits + " is too large");
        }
        if (n == 0) {
            throw syntax(text, "the step count must be at least 1");
        }
        return sign.equals("-") ? -n : n;
    }

    private static TargetException syntax(String text, String reason) {
        return new TargetException(text, Hints.append("invalid target '" + text + "': " + reason,
                "a target is " + Target.FORMS));
    }
}
