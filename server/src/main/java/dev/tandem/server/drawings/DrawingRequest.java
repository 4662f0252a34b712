package dev.tandem.server.drawings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;

/**
 * One drawing as the technician sends it ({@code POST /api/v1/sessions/{id}/drawings}):
 * {@code {"kind":"pointer","points":[[x,y]]}} or {@code {"kind":"stroke","points":[[x,y],…]}} in the
 * phone's screen pixels. Parsing checks the shape; {@link #within} checks the points against the
 * phone's screen, which only the live session knows. Immutable.
 */
public final class DrawingRequest {
    private final String kind;
    private final int[][] points;

    private DrawingRequest(String kind, int[][] points) {
        this.kind = kind;
        this.points = points;
    }

    /** @throws Rejection {@code bad_input} with a sentence saying what is wrong */
    public static DrawingRequest parse(JsonNode body) {
        JsonNode kindNode = body == null ? null : body.get("kind");
        String kind = kindNode != null && kindNode.isTextual() ? kindNode.asText() : "";
        if (!kind.equals(ServerMessage.Drawing.POINTER) && !kind.equals(ServerMessage.Drawing.STROKE)) {
            throw Rejection.of(ErrorCode.BAD_INPUT, "Say what to draw: \"kind\" is \"pointer\" or \"stroke\".");
        }
        JsonNode list = body.get("points");
        if (list == null || !list.isArray()) {
            throw Rejection.of(ErrorCode.BAD_INPUT, "\"points\" is a list of [x, y] pairs in the phone's screen pixels.");
        }
        boolean pointer = kind.equals(ServerMessage.Drawing.POINTER);
        if (pointer && list.size() != 1) {
            throw Rejection.of(ErrorCode.BAD_INPUT, "A pointer is one point: \"points\":[[x, y]].");
        }
        if (!pointer && (list.size() < 2 || list.size() > Limits.DRAWING_POINTS)) {
            throw Rejection.of(ErrorCode.BAD_INPUT, "A stroke has 2 to " + Limits.DRAWING_POINTS
                    + " points; send a longer line as several strokes.");
        }
        int[][] points = new int[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            JsonNode point = list.get(i);
            if (!point.isArray() || point.size() != 2 || !point.get(0).canConvertToInt() || !point.get(1).canConvertToInt()
                    || !point.get(0).isIntegralNumber() || !point.get(1).isIntegralNumber()) {
                throw Rejection.of(ErrorCode.BAD_INPUT, "Point " + (i + 1)
                        + " is not an [x, y] pair of whole pixels.");
            }
            points[i] = new int[] {point.get(0).asInt(), point.get(1).asInt()};
        }
        return new DrawingRequest(kind, points);
    }

    /**
     * This drawing if every point lies on a screen of {@code width} x {@code height} pixels.
     *
     * @throws Rejection {@code bad_input} naming the first point outside
     */
    public ServerMessage.Drawing within(int width, int height) {
        for (int[] point : points) {
            if (point[0] < 0 || point[1] < 0 || point[0] >= width || point[1] >= height) {
                throw Rejection.of(ErrorCode.BAD_INPUT, "The point (" + point[0] + ", " + point[1]
                        + ") is outside the phone's screen (" + width + " x " + height + " pixels).");
            }
        }
        return new ServerMessage.Drawing(kind, points);
    }

    public String kind() {
        return kind;
    }
}
