/**
 * Links that open the app: join links ({@code https://{host}/join/{code}}, {@code tandem://join/{code}}),
 * portal links, and the "Invite to the app" link that continues a browser chat as the same session
 * ({@code https://{host}/join/app/{session}/{token}}). Pure Java.
 */
package dev.tandem.android.link;
