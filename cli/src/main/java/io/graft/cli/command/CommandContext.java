package io.graft.cli.command;

import io.graft.Graft;
import io.graft.MigrationListener;
import io.graft.cli.render.Output;
import io.graft.cli.render.Renderer;
import io.graft.cli.settings.CliEnvironment;
import io.graft.cli.settings.GlobalOptions;
import io.graft.cli.settings.Settings;
import java.io.PrintWriter;

/**
 * What a command gets from the command line that runs it ({@code io.graft.cli.Main}, picocli's
 * parent command): the global options, the settings, where output goes, and a {@link Graft}.
 * An interface so that commands do not depend on the class that registers them.
 */
public interface CommandContext {

    GlobalOptions options();

    CliEnvironment environment();

    /** The layered settings; read once per run. */
    Settings settings();

    Output output();

    Renderer renderer();

    /** Standard output as it is, for a result printed even with {@code -q} (lint findings, a graph). */
    PrintWriter out();

    /** A {@link Graft} for the settings, reporting progress to the renderer and to {@code more}. */
    Graft openGraft(MigrationListener... more);

    /** Keeps {@code value} (a password, or the passwords in a URL) out of every output; null is ignored. */
    default void secret(String value) {
    }

    /** Graft's version, as {@code graft --version} prints it after the name. */
    String version();
}
