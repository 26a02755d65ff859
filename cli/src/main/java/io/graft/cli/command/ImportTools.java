package io.graft.cli.command;

import io.graft.Graft;
import java.util.Iterator;

/** The tools {@code import} and {@code adopt} know, for picocli's {@code ${COMPLETION-CANDIDATES}} in help. */
final class ImportTools implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Graft.importTools().iterator();
    }
}
