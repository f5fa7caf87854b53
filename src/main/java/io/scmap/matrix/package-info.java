/**
 * Matrix stage: the sparse interaction matrix (scraped accounts by encountered accounts) and its
 * labels, built from a store with per-type weights.
 */
@NullMarked
package io.scmap.matrix;

import org.jspecify.annotations.NullMarked;
