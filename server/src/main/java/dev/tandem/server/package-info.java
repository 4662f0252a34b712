/**
 * The Tandem server: {@link dev.tandem.server.TandemServer} wires the store, the services and the
 * HTTP and WebSocket routes together. Subpackages by responsibility: {@code store} (database),
 * {@code auth} (users, passwords, tokens), {@code codes} (session codes), {@code live} (sessions in
 * progress and their sockets), {@code mail} (invitations, outbox), {@code http} (REST, pages).
 */
package dev.tandem.server;
