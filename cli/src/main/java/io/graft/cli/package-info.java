/**
 * The command line: {@link io.graft.cli.Main} (the entry: global options, the picocli setup, the
 * argument pre-scan, the {@link io.graft.cli.command.CommandContext} every command gets),
 * {@link io.graft.cli.ErrorReporter} and {@link io.graft.cli.CdsTraining}. The rest is in
 * sub-packages, depending one way: {@code command} -> {@code render}, {@code settings} ->
 * {@code secrets}, {@code error}; none of them depends on this package.
 */
package io.graft.cli;
