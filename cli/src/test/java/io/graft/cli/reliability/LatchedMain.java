package io.graft.cli.reliability;

import io.graft.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code LatchedMain LATCH ARGS...}: loads the CLI, waits until the file LATCH exists, then runs
 * {@code graft ARGS}; lets a test release several JVMs at the same moment.
 */
public final class LatchedMain {

    private LatchedMain() {
    }

    public static void main(String[] args) throws Exception {
        Path latch = Path.of(args[0]);
        // Load the CLI and its parser before waiting, so that the JVMs differ as little as possible.
        Class.forName("io.graft.cli.Main");
        Class.forName("picocli.CommandLine");
        Files.writeString(Path.of(args[0] + "." + ProcessHandle.current().pid() + ".ready"), "");
        while (!Files.exists(latch)) {
            Thread.onSpinWait();
            Thread.sleep(0, 200_000);
        }
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
