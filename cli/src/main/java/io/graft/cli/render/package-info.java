/**
 * What a run prints: {@link io.graft.cli.render.Renderer} in text or JSON, lint reports in four
 * formats, colours, and the words of errors and hints.
 */
package io.graft.cli.render;
