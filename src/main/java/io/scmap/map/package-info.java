/**
 * Map stage: the files people open: map.html, points.csv, edges.csv, graph.gexf and manifest.json.
 */
@NullMarked
package io.scmap.map;

import org.jspecify.annotations.NullMarked;
