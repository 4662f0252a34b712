/**
 * Files both ways on the phone (docs/files.md): a file the technician offers
 * ({@link dev.tandem.agent.files.FileOffer}), saved through a {@link dev.tandem.agent.files.FileSaver}
 * only after the customer accepted it, and a file the technician asks for
 * ({@link dev.tandem.agent.files.FileRequest}), of which the agent reads nothing but the bytes the
 * customer picked. {@link dev.tandem.agent.files.FileExchange} moves both in checksummed pieces and
 * goes on after a dropped connection. Shared by {@code ./tandem device} and the Android app. Java 11.
 */
package dev.tandem.agent.files;
