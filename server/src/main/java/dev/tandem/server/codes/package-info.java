/**
 * Session codes: issuing them (nine random digits, unique among live codes, bounded per
 * technician), cancelling, expiring, and checking a code a customer presents, with the guard that
 * refuses addresses that guess.
 */
package dev.tandem.server.codes;
