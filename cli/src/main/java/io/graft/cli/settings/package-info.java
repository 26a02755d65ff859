/**
 * The settings of a run, layered: global options, {@code GRAFT_*} variables, graft.yaml, built-in
 * defaults.
 */
package io.graft.cli.settings;
