package dev.tandem.server;

import dev.tandem.server.cluster.TimerLeader;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic jobs on its timer threads: those for what is connected to this node (pings,
 * heartbeats) run on every node; those that must run once for the whole cluster (expiry, mail retry,
 * retention, clean-up) only on the node that holds the {@link TimerLeader} lock — always, when the
 * server runs alone. A failing run is logged and the job runs again at its next turn.
 */
final class PeriodicJobs {
    private static final Logger LOG = LoggerFactory.getLogger(TandemServer.class);
    private final ScheduledExecutorService timers;
    private final TimerLeader leader;

    PeriodicJobs(ScheduledExecutorService timers, TimerLeader leader) {
        this.timers = timers;
        this.leader = leader;
    }

    /** {@code job} on this node, for what is connected to it. */
    void onEveryNode(Runnable job, long initialDelay, long period, TimeUnit unit) {
        timers.scheduleAtFixedRate(guard(job), initialDelay, period, unit);
    }

    /** {@code job} once for the cluster: on the node that leads the timers. */
    void onLeader(Runnable job, long initialDelay, long period, TimeUnit unit) {
        timers.scheduleAtFixedRate(guard(() -> {
            if (leader.leads()) {
                job.run();
            }
        }), initialDelay, period, unit);
    }

    /** {@code job} once, now, on a timer thread. */
    void now(Runnable job) {
        timers.execute(guard(job));
    }

    private static Runnable guard(Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("Periodic job failed; it runs again at its next turn", e);
            }
        };
    }
}
