/**
 * The app's own log: SLF4J (the agent's logging API) routed to logcat and to a bounded file in the
 * app's private storage, and the log files handed to the technician when the customer agrees (that
 * file plus this process's own logcat lines; Android lets an app read no one else's).
 */
package dev.tandem.android.logs;
