/**
 * The customer's screens, in Spanish or English as the phone is set: join (code, name, server), chat
 * (sharing notice with Stop, exit icon, permission prompts), and the guide to switch on remote
 * control. They show {@code ActiveSession}'s state and call its actions; no protocol here.
 */
package dev.tandem.android.ui;
