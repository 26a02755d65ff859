package io.graft;

import java.util.List;

/**
 * A database URL Graft cannot use: a scheme it does not speak ({@code jdbc:oracle:}, a typo), or a
 * URL of a known scheme that is malformed (a port that is not a number, an unencoded {@code @} in
 * a password). The message is one line, names the problem and, for an unknown scheme, lists the
 * accepted forms; it never repeats the URL beyond its scheme, since the rest may hold a password.
 * The command line reports it as bad usage (exit code 2).
 */
public class DatabaseUrlException extends GraftException {

    private final List<String> acceptedForms;

    public DatabaseUrlException(String message, List<String> acceptedForms) {
        super(message);
        this.acceptedForms = List.copyOf(acceptedForms);
    }

    /** The forms of URL Graft accepts, e.g. {@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB}. */
    public List<String> acceptedForms() {
        return acceptedForms;
    }
}
