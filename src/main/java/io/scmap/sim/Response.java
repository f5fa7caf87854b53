package io.scmap.sim;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** One HTTP answer: status, content type, body and an optional Retry-After header. */
final class Response {
    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";

    final int status;
    final String contentType;
    final byte[] body;
    final @Nullable String retryAfter;

    Response(int status, String contentType, byte[] body, @Nullable String retryAfter) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    static Response json(int status, byte[] body) {
        return new Response(status, JSON, body, null);
    }

    static Response json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The api-v2 answer for anything that does not exist: HTTP 404 with body {@code {}}. */
    static Response notFound() {
        return json(404, "{}");
    }

    /** An error in the shape of the API's documented error bodies. */
    static Response error(int status, String message) {
        String quoted = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return json(
                status,
                "{\"code\":" + status + ",\"message\":\"" + quoted
                        + "\",\"link\":\"https://developers.soundcloud.com/docs/api/explorer/open-api\"}");
    }
}
