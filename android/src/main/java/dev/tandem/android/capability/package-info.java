/** What this phone can do in a session, found out from the platform, with the reason when it cannot. */
package dev.tandem.android.capability;
