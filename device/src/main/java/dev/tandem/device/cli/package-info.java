/**
 * {@code tandem device}: the command line around a {@link dev.tandem.device.VirtualPhone}.
 * {@link dev.tandem.device.cli.DeviceCommand} reads the options, {@link dev.tandem.device.cli.CustomerConsole}
 * turns stdin lines into what the customer does and the session's events into
 * {@link dev.tandem.device.cli.CustomerEvents}, one JSON object per line on stdout.
 *
 * <p>Depends on {@code dev.tandem.device}, the agent library, picocli and Jackson. Nothing else may
 * depend on it except the {@code app} module that mounts the command.
 */
package dev.tandem.device.cli;
