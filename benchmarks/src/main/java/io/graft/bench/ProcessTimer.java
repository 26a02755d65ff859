package io.graft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one command as a process and measures its wall time and peak resident set size: through
 * {@code /usr/bin/time} where it exists (its {@code %M}, the kernel's maxrss of the child, and its
 * {@code %U %S}, the CPU time), else by polling {@code VmHWM} in {@code /proc/PID/status} (and no
 * CPU time).
 */
final class ProcessTimer {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** {@code cpuSeconds} is user plus system time, NaN where {@code /usr/bin/time} is missing. */
    record Measurement(double seconds, double cpuSeconds, double peakRssMb, String output) {
    }

    private ProcessTimer() {
    }

    static Measurement run(List<String> command, Path workDir) {
        return run(command, workDir, Map.of());
    }

    /** The same with more environment variables for the process. */
    static Measurement run(List<String> command, Path workDir, Map<String, String> environment) {
        try {
            boolean gnuTime = Files.isExecutable(GNU_TIME);
            Path rssFile = Files.createTempFile("graft-bench-rss", ".txt");
            Path outFile = Files.createTempFile("graft-bench-out", ".txt");
            try {
                List<String> full = new ArrayList<>();
                if (gnuTime) {
                    full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", rssFile.toString()));
                }
                full.addAll(command);
                ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(outFile.toFile());
                pb.environment().putAll(environment);
                long t0 = System.nanoTime();
                Process p = pb.start();
                long hwmKb = 0;
                if (!gnuTime) {
                    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
                    while (p.isAlive()) {
                        hwmKb = Math.max(hwmKb, vmHwmKb(status));
                        Thread.sleep(5);
                    }
                }
                int exit = p.waitFor();
                double seconds = (System.nanoTime() - t0) / 1e9;
                String output = Files.readString(outFile, StandardCharsets.UTF_8);
                if (exit != 0) {
                    throw new IllegalStateException("exit " + exit + " from " + String.join(" ", command) + "\n" + output);
                }
                double cpu = Double.NaN;
                if (gnuTime) {
                    String text = Files.readString(rssFile).trim();
                    String[] last = text.substring(text.lastIndexOf('\n') + 1).trim().split(" ");
                    cpu = Double.parseDouble(last[0].replace(',', '.')) + Double.parseDouble(last[1].replace(',', '.'));
                    hwmKb = Long.parseLong(last[2]);
                }
                return new Measurement(seconds, cpu, hwmKb / 1024.0, output);
            } finally {
                Files.deleteIfExists(rssFile);
                Files.deleteIfExists(outFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between two polls
        }
        return 0;
    }
}
