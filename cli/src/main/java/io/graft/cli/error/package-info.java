/** The command line's own error type and the one mapping of error families to exit codes. */
package io.graft.cli.error;
