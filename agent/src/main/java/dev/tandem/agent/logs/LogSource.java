package dev.tandem.agent.logs;

import java.io.IOException;
import java.util.List;

/**
 * Where the phone's log files come from: the agent's own log, the app's log and, on Android, what
 * the system lets an app read. The agent calls it only after the customer agreed, on a worker thread.
 */
public interface LogSource {
    List<LogFile> collect() throws IOException;
}
