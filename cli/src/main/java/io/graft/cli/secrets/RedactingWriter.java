package io.graft.cli.secrets;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that holds text until a line is complete (or it is flushed) and passes it through a
 * {@link Redactor}, so a secret split across two writes is still masked.
 */
public final class RedactingWriter extends Writer {

    private final Writer target;
    private final Redactor redactor;
    private final StringBuilder pending = new StringBuilder();

    public RedactingWriter(Writer target, Redactor redactor) {
        this.target = target;
        this.redactor = redactor;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        pending.append(buf, off, len);
        int lastNewline = pending.lastIndexOf("\n");
        if (lastNewline >= 0) {
            target.write(redactor.redact(pending.substring(0, lastNewline + 1)));
            pending.delete(0, lastNewline + 1);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (pending.length() > 0) {
            target.write(redactor.redact(pending.toString()));
            pending.setLength(0);
        }
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }
}
