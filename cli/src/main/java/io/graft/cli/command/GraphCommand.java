package io.graft.cli.command;

import io.graft.Graft;
import io.graft.GraphFormat;
import io.graft.cli.error.ExitCodes;
import io.graft.cli.error.UsageException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graft graph}: the revision graph as Mermaid (default) or DOT. */
@Command(mixinStandardHelpOptions = true,
        description = {"Print the revision graph as Mermaid (default) or Graphviz DOT: heads, labels, merge points, "
                + "depends_on.", "With --db, applied revisions are filled and pending ones dashed. "
                + "Render DOT with: graft graph --as dot | dot -Tsvg > graph.svg"})
final class GraphCommand extends GraftCommand {

    @Option(names = "--as", paramLabel = "mermaid|dot", defaultValue = "mermaid",
            description = "Graph language: mermaid or dot (default: mermaid).")
    String as;

    @Option(names = "--db", description = "Read the database and mark applied and pending revisions.")
    boolean database;

    @Override
    protected int execute() {
        GraphFormat format;
        try {
            format = GraphFormat.valueOf(as.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown graph language '" + as + "'; use mermaid or dot");
        }
        try (Graft graft = openGraft()) {
            String text = graft.graph(format, database);
            if (output().json()) {
                output().document(java.util.Map.of("format", format.name().toLowerCase(Locale.ROOT), "graph", text));
            } else {
                context.out().print(text);
                context.out().flush();
            }
        }
        return ExitCodes.OK;
    }
}
