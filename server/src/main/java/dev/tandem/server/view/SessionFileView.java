package dev.tandem.server.view;

/**
 * One file of a session, either way (docs/files.md), as REST and the console's {@code files} event
 * show it: {@code direction} {@code toCustomer} or {@code fromCustomer}; {@code status} one of
 * {@code uploading}, {@code offered}, {@code accepted}, {@code saved}, {@code requested},
 * {@code received}, {@code declined}; {@code received} the bytes stored so far; {@code url} the
 * download once the server holds the whole file (null before). Built by {@code files.FileShelf}.
 */
public record SessionFileView(String id, String direction, String status, String name, Long size, String sha256,
                              long received, String technician, String createdAt, String finishedAt, String url) {
}
