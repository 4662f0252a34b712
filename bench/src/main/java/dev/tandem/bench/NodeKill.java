package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The middle of {@code bench load --nodes N}: node {@code n2} dies (SIGKILL) halfway through the
 * measured run, and the time until every phone is connected again (to the surviving nodes, as
 * their heartbeats in {@code GET /api/v1/nodes} count them) is measured. Prints the nodes' table
 * before the run, at the kill and at the end.
 */
final class NodeKill {
    private static final String VICTIM = "n2";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private final NodesDeployment nodes;
    private final Duration length;
    private volatile int phonesOnVictim = -1;
    private volatile double secondsUntilBack = -1;
    private volatile String failure;

    NodeKill(NodesDeployment nodes, Duration length) {
        this.nodes = nodes;
        this.length = length;
    }

    /** Prints how the phones and consoles spread over the nodes before the run. */
    void before(BenchApi admin) throws Exception {
        System.out.println("nodes before the run:");
        printNodes(admin.call("GET", "/api/v1/nodes", null, 200));
    }

    /** Starts the thread that kills {@value #VICTIM} halfway and waits for {@code phones} to be back. */
    void armHalfway(BenchApi admin, Duration warmup, int phones) {
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(warmup.plus(length.dividedBy(2)).toMillis());
                phonesOnVictim = phonesOn(admin.call("GET", "/api/v1/nodes", null, 200), VICTIM);
                long killed = System.nanoTime();
                nodes.nodes().get(1).kill();
                long deadline = killed + PATIENCE.toNanos();
                while (System.nanoTime() < deadline) {
                    if (phonesBesides(admin.call("GET", "/api/v1/nodes", null, 200), VICTIM) >= phones) {
                        secondsUntilBack = (System.nanoTime() - killed) / 1e9;
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(250);
                }
                failure = "not every phone was back within " + PATIENCE.toSeconds() + " s";
            } catch (Exception e) {
                failure = "the kill could not be measured: " + e.getMessage();
            }
        }, "bench-node-kill");
        killer.setDaemon(true);
        killer.start();
    }

    void report(BenchApi admin) throws Exception {
        System.out.println();
        System.out.println("nodes at the end (" + VICTIM + " was killed halfway):");
        printNodes(admin.call("GET", "/api/v1/nodes", null, 200));
        System.out.printf("%-46s %12s%n", "phones on " + VICTIM + " when it was killed", phonesOnVictim);
        System.out.printf("%-46s %12s%n", "until every phone was back", failure != null ? failure
                : secondsUntilBack < 0 ? "the run ended first" : String.format("%.1f s", secondsUntilBack));
        System.out.printf("nodes: %d nodes, %s killed holding %d phones, every phone back after %s%n",
                nodes.nodes().size(), VICTIM, phonesOnVictim,
                secondsUntilBack < 0 ? "(not measured: " + (failure == null ? "the run ended first" : failure) + ")"
                        : String.format("%.1f s", secondsUntilBack));
    }

    private static void printNodes(JsonNode list) {
        String row = "  %-8s %-22s %8s %9s %8s %9s%n";
        System.out.printf(row, "node", "address", "phones", "consoles", "viewers", "stopping");
        for (JsonNode node : list) {
            System.out.printf(row, node.path("id").asText(), node.path("address").asText(), node.path("phones").asInt(),
                    node.path("consoles").asInt(), node.path("viewers").asInt(), node.path("stopping").asBoolean());
        }
    }

    private static int phonesOn(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (id.equals(node.path("id").asText())) {
                return node.path("phones").asInt();
            }
        }
        return 0;
    }

    private static int phonesBesides(JsonNode list, String id) {
        int phones = 0;
        for (JsonNode node : list) {
            if (!id.equals(node.path("id").asText())) {
                phones += node.path("phones").asInt();
            }
        }
        return phones;
    }
}
