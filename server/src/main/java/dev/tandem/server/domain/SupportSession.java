package dev.tandem.server.domain;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * A support session between a technician and a customer, as stored. {@code endedBy} says which side
 * ended it ({@code technician}, {@code customer}, {@code server}); {@code endedByName} who, when a
 * signed-in user did. {@code ownerNode}: the node that holds the live session when the server is one
 * node of several (issue 16), empty when it runs alone; {@code phoneConnected}: as a node of several,
 * whether its phone is connected to that node (the owner's word; alone it is kept in memory only).
 */
public record SupportSession(String id, Optional<String> code, Optional<String> identifier, long technicianId,
                             String technicianName, String technicianUsername, Portal portal, String customerName, DeviceInfo device,
                             Capabilities capabilities, SessionStatus status, Instant startedAt,
                             Optional<Instant> endedAt, Optional<String> endedBy, Optional<String> endReason,
                             Optional<String> endedByName, Optional<String> ownerNode, boolean phoneConnected) {

    public boolean isActive() {
        return status == SessionStatus.ACTIVE;
    }
}
