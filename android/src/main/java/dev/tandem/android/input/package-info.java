/**
 * The technician's input on a real phone, through Tandem's AccessibilityService (the customer
 * switches it on in Android's settings): taps, long presses and swipes with {@code dispatchGesture},
 * Back/Home/Recents with {@code performGlobalAction}, text into the focused field. The agent calls it
 * only while the customer allows control.
 */
package dev.tandem.android.input;
