package org.latchkey.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body: at most {@link #LIMIT} bytes, one JSON object, string fields by name. */
final class JsonBodies {

    /** Room for any token request (a refresh token is ~300 bytes); anything bigger is not a client of ours. */
    static final int LIMIT = 8 * 1024;

    /**
     * The JSON-P provider, looked up once: {@code Json.createObjectBuilder()} and its siblings look it up through the
     * {@code ServiceLoader} on every call, which scanned the deployment's jars and took a fifth of {@code /api/me}.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private JsonBodies() {
    }

    static JsonObject read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(LIMIT + 1);
        } catch (IOException e) {
            throw new ApiProblem(400, "The request body could not be read.", "parse_error");
        }
        if (bytes.length > LIMIT) {
            throw new ApiProblem(413, "The request body is larger than " + LIMIT + " bytes.", "request_too_large");
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ApiProblem(400, "The body must be a JSON object.", "parse_error");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new ApiProblem(400, "The body is not valid JSON.", "parse_error");
        }
    }

    /** A required, non-empty string field; the message names it, as DRF's "This field is required." does. */
    static String required(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new ApiProblem(400, "The field \"" + field + "\" is required.", "required");
        }
        if (!(value instanceof JsonString text)) {
            throw new ApiProblem(400, "The field \"" + field + "\" must be a string.", "invalid");
        }
        if (text.getString().isEmpty()) {
            throw new ApiProblem(400, "The field \"" + field + "\" may not be blank.", "blank");
        }
        return text.getString();
    }

    /** A required {@code true} or {@code false}. */
    static boolean requiredBoolean(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new ApiProblem(400, "The field \"" + field + "\" is required.", "required");
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw new ApiProblem(400, "The field \"" + field + "\" must be true or false.", "invalid");
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }

    /** A string field or null (the service then says what is missing, by field); another type is refused here. */
    static String optional(JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            return null;
        }
        if (!(json.get(field) instanceof JsonString value)) {
            throw new ApiProblem(400, "The field \"" + field + "\" must be a string.", "invalid");
        }
        return value.getString();
    }
}
