/**
 * The virtual Android phone: a {@link dev.tandem.device.DeviceProfile} says which phone it is and
 * what it can do, and a {@link dev.tandem.device.VirtualPhone} owns the agent session and offers
 * what a customer does with it (join, chat, answer, stop sharing, leave). Screen rendering, input
 * and diagnostics will be separate collaborators of the phone that read its consent ledger.
 *
 * <p>Depends on the agent library ({@code dev.tandem.agent}) and the protocol; must not depend on
 * the command line ({@code dev.tandem.device.cli}), on the server or on the console.
 */
package dev.tandem.device;
