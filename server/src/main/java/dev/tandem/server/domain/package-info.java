/**
 * The server's nouns as immutable records: users, portals, issued codes, support sessions,
 * transcript entries, emails. No behaviour that needs I/O lives here.
 */
package dev.tandem.server.domain;
