/** Keeping passwords out of everything the command line prints. */
package io.graft.cli.secrets;
