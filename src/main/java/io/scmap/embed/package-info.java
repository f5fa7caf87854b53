/**
 * Embed stage: row filters and normalisation, randomized truncated SVD, k nearest neighbours and UMAP
 * to two dimensions. Same seed, same output.
 */
@NullMarked
package io.scmap.embed;

import org.jspecify.annotations.NullMarked;
