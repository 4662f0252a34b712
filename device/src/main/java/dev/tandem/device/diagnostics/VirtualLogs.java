package dev.tandem.device.diagnostics;

import dev.tandem.agent.logs.LogFile;
import dev.tandem.agent.logs.LogSource;
import dev.tandem.device.DeviceProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The virtual phone's log files: {@code tandem-agent.log}, the agent's own journal of this session
 * (what the phone saw happen, written as it happens), and {@code system.log}, a logcat-style
 * excerpt of the phone's system with plausible lines for its profile. Thread-safe.
 */
public final class VirtualLogs implements LogSource {
    static final int MAX_JOURNAL_LINES = 5000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String[][] SYSTEM_LINES = {
        {"I", "ActivityManager", "Start proc %d:com.android.settings/1000 for activity"},
        {"D", "ConnectivityService", "NetworkAgentInfo [WIFI () - %d] validation passed"},
        {"W", "BatteryStatsService", "Timeout reading modem activity info after %d ms"},
        {"I", "WindowManager", "Screen frozen for %d ms due to rotation"},
        {"E", "AudioFlinger", "write() underrun, %d frames lost"},
        {"I", "PackageManager", "Package com.example.bank updated, version code %d"},
        {"W", "ActivityManager", "Slow operation: %d ms so far, now at startProcess"},
        {"D", "BluetoothAdapter", "getState() returned STATE_ON after %d ms"},
    };

    private final DeviceProfile profile;
    private final Clock clock;
    private final Deque<String> journal = new ArrayDeque<>();

    public VirtualLogs(DeviceProfile profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
    }

    /** Adds one line to the agent's journal, stamped with the time. */
    public synchronized void record(String event) {
        journal.addLast(STAMP.format(clock.instant()) + " I TandemAgent: " + event.replace('\n', ' '));
        if (journal.size() > MAX_JOURNAL_LINES) {
            journal.removeFirst();
        }
    }

    @Override
    public List<LogFile> collect() {
        String agentLog;
        synchronized (this) {
            agentLog = String.join("\n", journal) + "\n";
        }
        return List.of(new LogFile("tandem-agent.log", agentLog.getBytes(StandardCharsets.UTF_8)),
                new LogFile("system.log", systemLog().getBytes(StandardCharsets.UTF_8)));
    }

    /** A few hundred logcat-style lines ending now, the same for the same minute and profile. */
    private String systemLog() {
        Instant now = clock.instant();
        Random random = new Random(profile.cliName().hashCode() * 31L + now.getEpochSecond() / 60);
        StringBuilder log = new StringBuilder();
        log.append("--------- beginning of system (").append(profile.marketingName()).append(")\n");
        Instant at = now.minusSeconds(600);
        for (int i = 0; i < 400; i++) {
            at = at.plusMillis(500 + random.nextInt(1000));
            String[] line = SYSTEM_LINES[random.nextInt(SYSTEM_LINES.length)];
            int pid = 1000 + random.nextInt(30000);
            log.append(STAMP.format(at)).append(' ').append(pid).append(' ').append(pid + random.nextInt(40))
                    .append(' ').append(line[0]).append(' ').append(line[1]).append(": ")
                    .append(String.format(line[2], 1 + random.nextInt(5000))).append('\n');
        }
        return log.toString();
    }
}
