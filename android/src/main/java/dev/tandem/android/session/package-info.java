/**
 * The one support session the app is in, kept by the application so that screens can come and go:
 * the shared {@code AgentSession} with this phone's features, and what the customer sees of it
 * (transcript, open prompts, sharing, how it ended) on the main thread.
 */
package dev.tandem.android.session;
