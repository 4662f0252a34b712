/**
 * The customer's consent: what the technician asked for ({@link dev.tandem.agent.consent.ConsentPrompt}
 * of a {@link dev.tandem.agent.consent.ConsentKind}) and what the customer decided
 * ({@link dev.tandem.agent.consent.ConsentLedger}). The agent consults the ledger before it sends any
 * pixel, injects any input or hands over diagnostics or logs, whatever the server does.
 *
 * <p>Plain Java 11 with no dependencies at all: not on the protocol, not on the transport.
 */
package dev.tandem.agent.consent;
