package dev.backstack.panel.bench.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One line about the machine a figure was taken on: CPUs, the CPU model, the JDK, the JVM's
 * -Xmx, its nice value, and the 1-minute load average at the time (other builds share these 2 cores).
 */
public final class Machine {

    private Machine() {}

    public static String describe() {
        return String.format(
                Locale.ROOT,
                "%d cpus (%s), %s %s, max heap %d MB, nice %s, load %s",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                niceness(),
                loadAverage());
    }

    public static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** This process's nice value (run.sh's NICE), from /proc/self/stat. */
    private static String niceness() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown cpu");
        } catch (IOException e) {
            return "unknown cpu";
        }
    }
}
