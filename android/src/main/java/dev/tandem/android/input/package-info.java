/**
 * The technician's input on a real phone, through Tandem's AccessibilityService (the customer
 * switches it on in Android's settings): a live finger with {@code dispatchGesture} and
 * {@code continueStroke}, the wheel as short swipes, Back/Home/Recents with
 * {@code performGlobalAction}, text, arrows, Tab and copy/paste in the focused field, the clipboard
 * shared with the viewer, and waking a dark screen. The agent calls it only while the customer allows
 * control.
 */
package dev.tandem.android.input;
