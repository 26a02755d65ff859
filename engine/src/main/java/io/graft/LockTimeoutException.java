package io.graft;

/** Another run held the database's migration lock for longer than the lock timeout. */
public class LockTimeoutException extends GraftException {

    public LockTimeoutException(String message) {
        super(message);
    }
}
