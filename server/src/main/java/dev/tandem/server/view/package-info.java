/**
 * The JSON shapes of the public contract (sessions, codes, messages), built in one place so the
 * REST API and the console socket always say the same thing.
 */
package dev.tandem.server.view;
