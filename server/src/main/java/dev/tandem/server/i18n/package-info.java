/**
 * Words in the reader's language: {@link dev.tandem.server.i18n.Phrase} (a catalogue key with its
 * parameters, which is how transcript lines and audit details are stored), the {@link
 * dev.tandem.server.i18n.Catalogue} (the console's own catalogues, read from the classpath, so each
 * sentence is written once for the browser and the server) and {@link dev.tandem.server.i18n.Language}.
 * Depends on nothing of the server.
 */
package dev.tandem.server.i18n;
