package io.graft.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * Where a command's output goes. Both writers are {@link io.graft.cli.secrets.RedactingWriter}s
 * (see {@code io.graft.cli.Main}), so nothing printed here or by picocli can carry a known secret.
 * Text goes to stdout unless {@code -q}; diagnostics go to stderr; in JSON mode stdout receives
 * exactly one document.
 */
public final class Output {

    /**
     * Built on first use: a JSON mapper takes tens of milliseconds to set up, on the main thread,
     * and a text-mode run never needs one.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean quiet;
    private final boolean terminal;
    private final Style style;

    public Output(PrintWriter out, PrintWriter err, boolean json, boolean quiet, boolean terminal, Style style) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.quiet = quiet;
        this.terminal = terminal;
        this.style = style;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    /** True when progress may redraw a line (a terminal, text mode, not quiet). */
    public boolean interactive() {
        return terminal && !json && !quiet;
    }

    public Style style() {
        return style;
    }

    /** A line of the text result; dropped in JSON mode and with {@code -q}. */
    public void line(String text) {
        if (!json && !quiet) {
            out.println(text);
            out.flush();
        }
    }

    /** A script for another program ({@code up --sql}): as is, or in JSON mode as {@code {"sql": ...}}; even with {@code -q}. */
    public void script(String text) {
        if (json) {
            document(java.util.Map.of("sql", text));
        } else {
            out.print(text);
            out.flush();
        }
    }

    /** Text without a line end, for a progress line that is finished later; text mode only. */
    public void partial(String text) {
        if (!json && !quiet) {
            out.print(text);
            out.flush();
        }
    }

    /** A remark about the run (waiting for a lock, ...) on stderr; dropped with {@code -q}. */
    public void notice(String text) {
        if (!quiet) {
            err.println(text);
            err.flush();
        }
    }

    /** The JSON document of the result; printed even with {@code -q}, since a script asked for it. */
    public void document(Object value) {
        out.println(toJson(value));
        out.flush();
    }

    /** Error text on stderr; never dropped. */
    public void errorLine(String text) {
        err.println(text);
        err.flush();
    }

    public PrintWriter err() {
        return err;
    }

    public static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
