/**
 * The JSON shapes of the public contract, one record each: every answer of the REST API and every
 * view the console socket carries, so the two always say the same thing. Each record has its schema
 * in {@code openapi.json}, checked field for field by {@code OpenApiContractTest}, and the console's
 * TypeScript type is generated from that document (docs/architecture.md, "Errors and views").
 */
package dev.tandem.server.view;
