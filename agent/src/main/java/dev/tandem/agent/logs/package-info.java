/**
 * The phone's log files: where they come from ({@link dev.tandem.agent.logs.LogSource}) and how one
 * is uploaded in checksummed chunks ({@link dev.tandem.agent.logs.LogUpload}). Java 11.
 */
package dev.tandem.agent.logs;
