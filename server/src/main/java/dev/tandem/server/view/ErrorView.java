package dev.tandem.server.view;

/** Every refusal of the REST API: {@code {"error":{"code","message"}}}, the code from the error table. */
public record ErrorView(Body error) {

    /** The machine code and a sentence that says what to do. */
    public record Body(String code, String message) {
    }
}
