/**
 * The Tandem customer app for Android. The session, chat, prompts, reconnect and the RFB server are
 * the shared {@code agent} module; this module only adapts the phone to it: MediaProjection for the
 * screen ({@code screen}), an AccessibilityService for input ({@code input}), platform diagnostics
 * and log files, capability detection, and the screens the customer sees ({@code ui}). Plain Android
 * framework code, no AndroidX. Nothing here may depend on the server.
 */
package dev.tandem.android;
