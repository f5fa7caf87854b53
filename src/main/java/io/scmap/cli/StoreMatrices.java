package io.scmap.cli;

import io.scmap.crawl.InteractionWeights;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.util.Map;

/**
 * A database's matrices: the weighted one (default weights) and the per-type counts, which an
 * imported database does not hold (all empty). Both maps are read-only.
 */
record StoreMatrices(InteractionMatrix weighted, Map<InteractionType, SparseMatrix> perType) {
    /** Reads both from an open store. */
    static StoreMatrices of(Store store) throws StoreException {
        return new StoreMatrices(Matrices.fromStore(store, InteractionWeights.DEFAULTS), Matrices.perType(store));
    }
}
