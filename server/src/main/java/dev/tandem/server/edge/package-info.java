/**
 * The edge: how the server meets the internet. Listeners (HTTP or HTTPS with a certificate that is
 * reloaded on renewal, the PROXY protocol, {@code --bind}, the HTTPS redirect port), the real client
 * behind trusted proxies, the security headers every response carries, and the access log. Runs
 * before any route; depends on Jetty, Javalin's Jetty configuration, {@code net} (client addresses)
 * and {@code store.PrivateFiles} only, never on the services behind the routes.
 */
package dev.tandem.server.edge;
