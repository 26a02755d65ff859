package io.graft;

/**
 * Base of every error Graft reports. The message is complete and meant for a person: it names
 * the place and, where there is one, the fix. The command line maps each subclass to one exit code.
 */
public class GraftException extends RuntimeException {

    public GraftException(String message) {
        super(message);
    }

    public GraftException(String message, Throwable cause) {
        super(message, cause);
    }
}
