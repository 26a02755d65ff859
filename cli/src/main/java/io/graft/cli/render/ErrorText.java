package io.graft.cli.render;

import io.graft.ChangelogException;
import io.graft.GraftException;
import io.graft.Problem;
import io.graft.cli.error.UsageException;
import java.util.List;

/** The words an error is reported with, shared by the text and JSON renderers. */
final class ErrorText {

    private ErrorText() {
    }

    /** One line (or a few) saying what went wrong; problems, if any, are listed separately. */
    static String message(Throwable error) {
        if (error instanceof ChangelogException c) {
            int n = c.problems().size();
            return "invalid changelog: " + n + (n == 1 ? " problem" : " problems");
        }
        if (error instanceof GraftException || error instanceof UsageException
                || error instanceof picocli.CommandLine.ParameterException) {
            return String.valueOf(error.getMessage());
        }
        String detail = error.getMessage();
        return "unexpected " + error.getClass().getSimpleName() + (detail == null ? "" : ": " + firstLine(detail));
    }

    static List<Problem> problems(Throwable error) {
        if (error instanceof ChangelogException c) {
            return c.problems();
        }
        if (error instanceof UsageException u) {
            return u.problems();
        }
        return List.of();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
