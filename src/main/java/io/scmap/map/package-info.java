/**
 * Map stage: the files people open: map.html, graph.html, map.png, map.svg, points.csv, edges.csv, neighbors.csv,
 * graph.gexf and manifest.json.
 */
@NullMarked
package io.scmap.map;

import org.jspecify.annotations.NullMarked;
