/**
 * The phone's screen for the agent: MediaProjection (Android's own consent dialog) into a
 * VirtualDisplay backed by an ImageReader, started from a foreground service of type
 * {@code mediaProjection} whose notification says so and has Stop; frames converted to the agent's
 * {@code Frame}; JPEG through {@code Bitmap.compress}. Captures only while the agent asks (it checks
 * the customer's consent first).
 */
package dev.tandem.android.screen;
