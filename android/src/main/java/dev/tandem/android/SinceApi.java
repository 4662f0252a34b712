package dev.tandem.android;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that calls Android APIs newer than the app's minSdk (26) and is reached only on phones
 * with at least {@link #value()}, behind a {@code Build.VERSION.SDK_INT} check at the call site. The
 * build's API-level check (Animal Sniffer against API 26) skips what carries it, and flags every other
 * call above API 26. Keep such methods small, so what the check skips stays obvious.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface SinceApi {
    /** The API level the code needs. */
    int value();
}
