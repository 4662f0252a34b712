/**
 * Files both ways (issue 18.5, docs/files.md): the files a technician sends to the customer's phone
 * and the files the customer picks and sends back, kept with their session in checksummed pieces in
 * the database ({@link dev.tandem.server.files.FileStore}), within the limits the settings give
 * ({@link dev.tandem.server.files.FileLimits}). {@link dev.tandem.server.files.FileShelf} is what the
 * technician's routes use (upload, list, download); the phone's side runs in
 * {@code live.FileExchanges}, which uses the same pieces. Below {@code live}: no socket here.
 */
package dev.tandem.server.files;
