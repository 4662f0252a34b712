/** Join links that open the app: {@code https://{host}/join/{code}} and {@code tandem://join/{code}}. Pure Java. */
package dev.tandem.android.link;
