package dlbugs.serve;

import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;

/** The body of a JSON request: the content type must say JSON, and UTF-8 if it names a charset. */
final class JsonBody {

    private JsonBody() {
    }

    /** @return the body's bytes; 415 for another content type or charset */
    static byte[] of(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaTypeResponse("Content-Type header is missing; send application/json");
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw new UnsupportedMediaTypeResponse("Content-Type must be application/json, got " + contentType);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            String value = param.length < 2 ? "" : param[1].strip().replace("\"", "");
            if (param[0].strip().equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                throw new UnsupportedMediaTypeResponse("JSON must be UTF-8, got charset " + value);
            }
        }
        return ctx.bodyAsBytes();
    }
}
