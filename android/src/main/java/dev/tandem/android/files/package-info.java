/**
 * Files both ways on the phone (docs/files.md): where an accepted file is saved
 * ({@link dev.tandem.android.files.DownloadsSaver}, MediaStore.Downloads) and how the one document
 * the customer picked with the Storage Access Framework is read
 * ({@link dev.tandem.android.files.PickedDocument}). The agent's {@code files} package does the rest.
 */
package dev.tandem.android.files;
