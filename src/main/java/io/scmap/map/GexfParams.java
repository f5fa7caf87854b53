package io.scmap.map;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the GEXF graph for Gephi keeps.
 *
 * @param minEdgeWeight ties are written when their weight is strictly greater than this; default 3, as the
 *     design asks (a single like, weight 1, is not a tie worth drawing); any value, including negative
 *     ones to keep every tie, is allowed except NaN
 */
public record GexfParams(double minEdgeWeight) {
    /** Ties heavier than 3. */
    public static final GexfParams DEFAULTS = new GexfParams(3.0);

    public GexfParams {
        if (Double.isNaN(minEdgeWeight)) {
            throw new IllegalArgumentException("minEdgeWeight must be a number, got NaN");
        }
    }

    public GexfParams withMinEdgeWeight(double value) {
        return new GexfParams(value);
    }

    /** The parameters by name, for the manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minEdgeWeight", minEdgeWeight);
        return m;
    }
}
