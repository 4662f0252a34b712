package dev.tandem.server.ws;

import io.javalin.config.RoutesConfig;

/**
 * Every WebSocket of the server, registered in one place the way {@code http.WebApp} registers the
 * REST routes (docs/protocol.md): a new socket is an endpoint here and one line below.
 */
public final class Sockets {
    private final AgentEndpoint agents;
    private final ConsoleEndpoint consoles;
    private final ViewerEndpoint viewers;
    private final RequestEndpoint requests;

    public Sockets(AgentEndpoint agents, ConsoleEndpoint consoles, ViewerEndpoint viewers, RequestEndpoint requests) {
        this.agents = agents;
        this.consoles = consoles;
        this.viewers = viewers;
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.ws("/ws/agent", agents::configure);
        routes.ws("/ws/console", consoles::configure);
        routes.ws("/ws/screen/{session}", viewers::configure);
        routes.ws("/ws/request/{id}", requests::configure);
    }
}
