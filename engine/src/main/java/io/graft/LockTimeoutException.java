package io.graft;

import java.util.Optional;

/** Another run held the database's migration lock for longer than the lock timeout. */
public class LockTimeoutException extends GraftException {

    private final String holder;

    public LockTimeoutException(String message) {
        this(message, null);
    }

    /** @param holder who holds the lock, as the database describes that session, or null when it cannot tell */
    public LockTimeoutException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    /**
     * Who holds the lock, as the database describes that session (PostgreSQL: backend pid, user,
     * application, client; MySQL: connection id, user, host); empty when the database cannot tell
     * (SQLite) or the holder let go in the meantime.
     */
    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }
}
