/**
 * Point and draw on the customer's screen (issue 18.7, docs/drawing.md): what a technician's
 * drawing may be (a pointer position or a pen stroke within the phone's screen) and how often a
 * session may send one. Knows nothing of sessions, sockets or HTTP; the live session's
 * {@code ScreenDrawings} relays what passes to the phone.
 */
package dev.tandem.server.drawings;
