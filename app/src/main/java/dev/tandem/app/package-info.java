/**
 * The {@code tandem} command line: one picocli command per entry point of the contract
 * ({@code server}, {@code device}, {@code bench}). Parses options, then hands over to the modules.
 */
package dev.tandem.app;
