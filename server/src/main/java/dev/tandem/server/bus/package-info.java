/**
 * The bus between the nodes of a cluster: one core NATS connection per node ({@link
 * dev.tandem.server.bus.Bus}, reconnecting by itself), the subjects in one place ({@link
 * dev.tandem.server.bus.Subjects}) and the console events across nodes ({@link
 * dev.tandem.server.bus.ClusterEvents}). Only small messages cross it: events, "user disabled",
 * chat-request updates and technician commands for the node that owns a session. Screen bytes never
 * do (the viewer's socket ends at the owner), and nothing here is a source of truth: PostgreSQL is.
 * Beside {@code events} in the layers: it knows neither sessions nor HTTP.
 */
package dev.tandem.server.bus;
