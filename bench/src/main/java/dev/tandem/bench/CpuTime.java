package dev.tandem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds a process has used so far (user + system, all its threads). Unlike a rate in MB/s this
 * hardly moves when other work shares the machine, so a benchmark can report what a path costs
 * (CPU seconds per GB) next to how fast it went. Linux only for another process ({@code /proc});
 * -1 where it cannot be read. Thread-safe (stateless).
 */
final class CpuTime {
    /** {@code /proc/<pid>/stat} counts in clock ticks, 100 per second on Linux (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** This JVM's CPU time in seconds. */
    static double ofThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /** CPU time of process {@code pid} in seconds, or -1. */
    static double of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
