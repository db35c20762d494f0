package cn.eexpo.sandbox.stripe;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.util.Map;

/** JSON as Stripe writes it: nulls kept, two-space indentation, nothing HTML-escaped. */
final class Json {

    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create();

    private Json() {}

    static String write(Object value) {
        return GSON.toJson(value);
    }

    static Map<String, Object> read(String json) {
        try {
            Map<String, Object> map = GSON.fromJson(json, new TypeToken<Map<String, Object>>() {}.getType());
            return map == null ? Map.of() : map;
        } catch (JsonParseException e) {
            throw ApiError.invalid("Invalid JSON: " + e.getMessage(), null);
        }
    }
}
