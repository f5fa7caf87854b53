/**
 * Cluster stage: HDBSCAN on the 2-D map, generations from emerge dates, automatic scene labels, nearest
 * neighbours in the map and agreement scores against a ground truth.
 */
@NullMarked
package io.scmap.cluster;

import org.jspecify.annotations.NullMarked;
