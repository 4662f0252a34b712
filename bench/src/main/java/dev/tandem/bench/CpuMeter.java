package dev.tandem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used by the server process and by this benchmark's own process over one phase of a run.
 * CPU seconds per unit of work hold steadier on a busy machine than latencies, which swing with
 * everyone else's load; the load average is read too so figures can be printed next to it. The
 * share of the JIT compiler's threads is told apart: a run of a few seconds in a fresh JVM spends a
 * good part of its CPU compiling, which says nothing about the cost of a round trip.
 */
final class CpuMeter {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/task/<tid>/stat on Linux
    private final ProcessHandle server;
    private final Duration serverStart;
    private final Duration serverJitStart;
    private final Duration benchStart;
    private final Duration benchJitStart;
    private final double loadStart;
    private final long startNanos = System.nanoTime();

    private CpuMeter(ProcessHandle server) {
        this.server = server;
        this.serverStart = cpu(server);
        this.serverJitStart = jit(server);
        this.benchStart = cpu(ProcessHandle.current());
        this.benchJitStart = jit(ProcessHandle.current());
        this.loadStart = load();
    }

    /** Starts measuring now. */
    static CpuMeter start(ProcessHandle server) {
        return new CpuMeter(server);
    }

    /** What was used since {@link #start}. */
    Reading read() {
        return new Reading(cpu(server).minus(serverStart), jit(server).minus(serverJitStart),
                cpu(ProcessHandle.current()).minus(benchStart), jit(ProcessHandle.current()).minus(benchJitStart),
                loadStart, load(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * CPU used by the server and by the benchmark (each with the part its JIT compiler threads used)
     * the one-minute load average at start and end, and the time it took.
     */
    record Reading(Duration server, Duration serverJit, Duration bench, Duration benchJit, double loadStart,
                   double loadEnd, Duration elapsed) {
        /** CPU seconds per {@code per} units of work, or NaN when nothing was done. */
        static double secondsPer(Duration cpu, long work, long per) {
            return work == 0 ? Double.NaN : cpu.toNanos() / 1e9 * per / work;
        }
    }

    /** CPU seconds {@code process} has used so far (user + system, all its threads), or -1 where the platform does not tell. */
    static double secondsSoFar(ProcessHandle process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(-1.0);
    }

    /** Zero where the platform does not tell (then the figures read 0 rather than failing the run). */
    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU of the process's live JIT compiler threads (Linux names them "C1 CompilerThre…" and
     * "C2 CompilerThre…"); zero where /proc cannot be read. A compiler thread that ended meanwhile
     * takes its share out of this figure, so it can only understate the compiler's part.
     */
    private static Duration jit(ProcessHandle process) {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                ticks += compilerTicks(thread.resolve("stat"));
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** utime + stime of one thread when it is a compiler thread, else 0. */
    private static long compilerTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String name = line.substring(open + 1, close);
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String[] fields = line.substring(close + 2).split(" ");
            // After the name: state is field 3 of the line, utime field 14 and stime field 15.
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
