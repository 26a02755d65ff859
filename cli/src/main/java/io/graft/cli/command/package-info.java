/**
 * One class per command, listed in the command table {@link io.graft.cli.command.Commands}; a
 * command reaches settings, output and the engine through
 * {@link io.graft.cli.command.CommandContext}.
 */
package io.graft.cli.command;
