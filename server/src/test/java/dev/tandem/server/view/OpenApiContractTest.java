package dev.tandem.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document ({@code /tandem/openapi.json}, from which the console's TypeScript types are
 * generated) cannot drift from the server: every route of the sources is an operation of the
 * document and back, and every view record is its schema, field for field, with the fields that are
 * always there listed as required.
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE = Pattern.compile("\\.(get|post|put|delete|patch)\\((\"/api/v1/[^\"]*\"|[A-Z_]+),");
    /** A session command (http.SessionCommands): a route declared with its method as a HandlerType. */
    private static final Pattern COMMAND = Pattern.compile("HandlerType\\.(GET|POST|PUT|DELETE|PATCH), (\"/api/v1/[^\"]*\"),");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z_]+) = (\"/api/v1/[^\"]*\");");

    /** Each view record and the schema of the document that describes it. */
    private static final Map<Class<? extends Record>, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put(SessionView.class, "SessionSummary");
        VIEWS.put(MessageView.class, "TranscriptEntry");
        VIEWS.put(CodeView.class, "Code");
        VIEWS.put(UserView.class, "User");
        VIEWS.put(ManagedUserView.class, "ManagedUser");
        VIEWS.put(PortalView.class, "Portal");
        VIEWS.put(LogFileView.class, "LogFile");
        VIEWS.put(AuditEntryView.class, "AuditEntry");
        VIEWS.put(PasskeyView.class, "Passkey");
        VIEWS.put(MailView.class, "Mail");
        VIEWS.put(NodeView.class, "Node");
        VIEWS.put(ScreenView.class, "Screen");
        VIEWS.put(DiagnosticsView.class, "Diagnostics");
        VIEWS.put(LogsView.class, "LogsState");
        VIEWS.put(SessionHistoryView.class, "SessionHistory");
        VIEWS.put(ChatRequestView.class, "ChatRequest");
        VIEWS.put(CustomerRequestView.class, "ChatRequestCustomer");
        VIEWS.put(NewRequestView.class, "NewChatRequestCreated");
        VIEWS.put(PortalPublicView.class, "PortalPublic");
        VIEWS.put(AcceptedRequestView.class, "AcceptedRequest");
        VIEWS.put(AppInviteView.class, "AppInvite");
        VIEWS.put(SettingsView.class, "Settings");
        VIEWS.put(TestEmailView.class, "TestEmailResult");
        VIEWS.put(TokenView.class, "Token");
        VIEWS.put(ConsoleSignInView.class, "ConsoleSignIn");
        VIEWS.put(IssuedTokenView.class, "IssuedToken");
        VIEWS.put(SignInTokenView.class, "SignInToken");
        VIEWS.put(AuthInfoView.class, "AuthInfo");
        VIEWS.put(JoinView.class, "Join");
        VIEWS.put(MailReceiptView.class, "MailReceipt");
        VIEWS.put(SsoStatusView.class, "SsoStatus");
        VIEWS.put(TotpEnrolmentView.class, "TotpEnrolment");
        VIEWS.put(RecoveryCodesView.class, "RecoveryCodes");
        VIEWS.put(ErrorView.class, "Error");
        VIEWS.put(ConsoleUserView.class, "ConsoleUser");
        VIEWS.put(CannedReplyView.class, "CannedReply");
        VIEWS.put(SessionNoteView.class, "SessionNote");
        VIEWS.put(SurveySummaryView.class, "SurveySummary");
        VIEWS.put(TeamView.class, "Team");
        VIEWS.put(AvailabilityView.class, "Availability");
        VIEWS.put(SessionFileView.class, "SessionFile");
        VIEWS.put(SessionFilesView.class, "SessionFiles");
        VIEWS.put(DrawingView.class, "DrawingSent");
        VIEWS.put(RecordingView.class, "Recording");
    }

    /**
     * Answers in a foreign format, described by their own standard rather than by a view record:
     * WebAuthn's credential options (built by webauthn4j), and the document itself.
     */
    private static final Set<String> FOREIGN_ANSWERS = Set.of("POST /auth/passkey/options",
            "POST /auth/passkeys/options", "POST /auth/reauth/options", "GET /openapi.json");

    @Test
    void everyRouteIsAnOperationOfTheDocumentAndBack() throws IOException {
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Map<String, String> constants = new LinkedHashMap<>();
                for (Matcher constant = CONSTANT.matcher(source); constant.find(); ) {
                    constants.put(constant.group(1), constant.group(2));
                }
                for (Matcher command = COMMAND.matcher(source); command.find(); ) {
                    String literal = command.group(2);
                    routes.add(command.group(1) + " " + shape(literal.substring("\"/api/v1".length(), literal.length() - 1)));
                }
                for (Matcher route = ROUTE.matcher(source); route.find(); ) {
                    String literal = constants.getOrDefault(route.group(2), route.group(2));
                    if (literal.startsWith("\"")) {
                        String path = literal.substring("\"/api/v1".length(), literal.length() - 1);
                        routes.add(route.group(1).toUpperCase() + " " + shape(path));
                    }
                }
            }
        }
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + shape(path.getKey()));
                }
            });
        }
        assertThat(routes).containsExactlyInAnyOrderElementsOf(operations);
    }

    @Test
    void everyViewRecordIsItsSchemaFieldForField() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        for (Map.Entry<Class<? extends Record>, String> view : VIEWS.entrySet()) {
            JsonNode schema = schemas.get(view.getValue());
            assertThat(schema).as("schema %s", view.getValue()).isNotNull();
            compare(view.getKey(), schema, schemas, view.getValue());
        }
    }

    @Test
    void everyJsonAnswerOfTheDocumentIsAViewRecordsSchema() throws IOException {
        Set<String> checked = new TreeSet<>(VIEWS.values());
        List<String> unchecked = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                for (Iterator<Map.Entry<String, JsonNode>> answers = op.getValue().path("responses").fields();
                     answers.hasNext(); ) {
                    Map.Entry<String, JsonNode> answer = answers.next();
                    JsonNode content = answer.getValue().path("content");
                    boolean json = content.has("application/json");
                    if (answer.getKey().startsWith("2") && content.isEmpty() && !answer.getKey().equals("204")
                            && !FOREIGN_ANSWERS.contains(operation)) {
                        unchecked.add(operation + " " + answer.getKey() + " has no content");
                    }
                    if (!json || FOREIGN_ANSWERS.contains(operation)) {
                        continue;
                    }
                    JsonNode schema = content.path("application/json").path("schema");
                    JsonNode named = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
                    String ref = named.path("$ref").asText("");
                    if (!checked.contains(ref.substring(ref.lastIndexOf('/') + 1))) {
                        unchecked.add(operation + " " + answer.getKey() + " answers " + schema);
                    }
                }
            }
        }
        assertThat(unchecked).as("JSON answers whose schema no view record is checked against").isEmpty();
    }

    private static void compare(Class<?> record, JsonNode schema, JsonNode schemas, String where) {
        ObjectNode resolved = flatten(schema, schemas);
        List<RecordComponent> components = written(record);
        Set<String> fields = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (RecordComponent component : components) {
            fields.add(component.getName());
            // @JsonInclude does not target record components: Java puts it on the accessor.
            JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
            if (include == null || include.value() == JsonInclude.Include.ALWAYS) {
                required.add(component.getName());
            }
        }
        Set<String> properties = new TreeSet<>();
        resolved.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as("the properties of %s", where).containsExactlyInAnyOrderElementsOf(fields);
        Set<String> listed = new TreeSet<>();
        resolved.path("required").forEach(name -> listed.add(name.asText()));
        assertThat(listed).as("the required properties of %s", where).containsExactlyInAnyOrderElementsOf(required);
        for (RecordComponent component : components) {
            JsonNode property = resolve(resolved.path("properties").path(component.getName()), schemas);
            String at = where + "." + component.getName();
            assertThat(types(property)).as("the type of %s", at).contains(jsonType(component.getGenericType()));
            if (component.getType().isPrimitive()) {
                assertThat(types(property)).as("%s is never null", at).doesNotContain("null");
            }
            if (component.getType().isRecord()) {
                compare(component.getType(), property, schemas, at);
            }
            if (component.getGenericType() instanceof ParameterizedType list && List.class.equals(list.getRawType())
                    && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                compare(item, property.path("items"), schemas, at + "[]");
            }
        }
    }

    /** The components Jackson writes, a {@code @JsonUnwrapped} one replaced by its own components. */
    private static List<RecordComponent> written(Class<?> record) {
        List<RecordComponent> written = new java.util.ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                written.addAll(written(component.getType()));
            } else {
                written.add(component);
            }
        }
        return written;
    }

    /** A schema with its reference followed and the parts of an {@code allOf} merged into one. */
    private static ObjectNode flatten(JsonNode schema, JsonNode schemas) {
        JsonNode resolved = resolve(schema, schemas);
        ObjectNode flat = JSON.createObjectNode();
        ObjectNode properties = flat.putObject("properties");
        ArrayNode required = flat.putArray("required");
        List<JsonNode> parts = new java.util.ArrayList<>();
        resolved.path("allOf").forEach(part -> parts.add(flatten(part, schemas)));
        parts.add(resolved);
        for (JsonNode part : parts) {
            if (part.path("properties") instanceof ObjectNode own) {
                properties.setAll(own);
            }
            part.path("required").forEach(required::add);
        }
        return flat;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The JSON types a schema allows ({@code enum} schemas: the types of their values). */
    private static Set<String> types(JsonNode property) {
        Set<String> types = new TreeSet<>();
        JsonNode type = property.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        property.path("enum").forEach(value -> types.add(value.isNull() ? "null" : value.isTextual() ? "string" : "other"));
        return types;
    }

    private static String jsonType(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == double.class || raw == Double.class) {
            return "number";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "array";
        }
        return "object";
    }

    private static String shape(String path) {
        return path.replaceAll("\\{\\w+}", "{}");
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/tandem/openapi.json")) {
            return JSON.readTree(in);
        }
    }
}
