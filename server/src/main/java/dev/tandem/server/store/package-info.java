/**
 * The database: connection pool, Flyway migrations (the same on H2 and PostgreSQL) and one small
 * store class per table group. Stores speak SQL and return records; they know nothing of HTTP or
 * sockets.
 */
package dev.tandem.server.store;
