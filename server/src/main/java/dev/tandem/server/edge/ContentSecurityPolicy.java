package dev.tandem.server.edge;

/**
 * The Content-Security-Policies the server sends, in one place. Both forbid framing
 * ({@code frame-ancestors 'none'}) and any script not served by Tandem itself (no inline script, no
 * {@code eval}); {@code ws:}/{@code wss:} are listed beside {@code 'self'} for browsers that do not
 * yet count the page's own WebSocket origin as {@code 'self'}.
 */
public final class ContentSecurityPolicy {
    private static final String COMMON = "script-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The console and Management Center: element styles are set at run time (Preact style
     * attributes, noVNC's canvas), so styles may be inline; scripts may not.
     */
    public static final String CONSOLE = "default-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; "
            + COMMON;

    /** The customer pages the server renders (join, portal): no inline style either. */
    public static final String CUSTOMER_PAGE = "default-src 'self'; style-src 'self'; " + COMMON;

    private ContentSecurityPolicy() {
    }
}
