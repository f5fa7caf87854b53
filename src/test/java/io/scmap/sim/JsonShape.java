package io.scmap.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares the field structure of two JSON values: every key of the expected (recorded) object must be
 * present in the actual one with a compatible type, recursively, arrays compared by their first elements.
 */
final class JsonShape {
    /** Keys whose value the simulator may leave null where a recording has a value. */
    static final Set<String> OPTIONAL = Set.of(
            "artwork_url",
            "description",
            "city",
            "country_code",
            "visuals",
            "release_date",
            "caption",
            "next_href",
            "purchase_title",
            "purchase_url");

    private JsonShape() {}

    /** Differences between the shape of {@code expected} and {@code actual}; empty when compatible. */
    static List<String> mismatches(JsonNode expected, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare(expected, actual, "$", "", problems);
        return problems;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, String key, List<String> problems) {
        if (expected.isNull()) {
            return;
        }
        if (actual.isNull()) {
            if (!OPTIONAL.contains(key)) {
                problems.add(path + ": null where the recording has " + expected.getNodeType());
            }
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            problems.add(path + ": " + actual.getNodeType() + " where the recording has " + expected.getNodeType());
            return;
        }
        if (expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!actual.has(name)) {
                    problems.add(path + "." + name + ": missing");
                } else {
                    compare(expected.get(name), actual.get(name), path + "." + name, name, problems);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            if (actual.isEmpty()) {
                problems.add(path + ": empty array where the recording has items");
            } else {
                compare(expected.get(0), actual.get(0), path + "[0]", key, problems);
            }
        }
    }
}
