package dev.tandem.agent.diagnostics;

/**
 * Where one section of the report comes from. {@link #read()} may throw anything the platform throws
 * (a {@code SecurityException}, an {@code IOException} reading {@code /proc}, a missing API on an old
 * Android): {@link DiagnosticsCollector} turns it into an unavailable section with the message as the
 * reason. Values the source cannot give are unavailable readings inside the section, never guesses.
 *
 * @param <S> the section, e.g. {@link dev.tandem.protocol.diagnostics.BatterySection}
 */
@FunctionalInterface
public interface SectionSource<S> {
    S read() throws Exception;
}
