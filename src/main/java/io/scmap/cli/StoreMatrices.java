package io.scmap.cli;

import io.scmap.crawl.InteractionWeights;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A database's matrices: the weighted one (default weights) and the unweighted counts per type,
 * which an imported database does not have (null: the reference's files hold weighted sums only).
 */
record StoreMatrices(InteractionMatrix weighted, @Nullable Map<InteractionType, SparseMatrix> perType) {

    /** Reads both from an open store. */
    static StoreMatrices of(Store store) throws StoreException {
        InteractionMatrix weighted = Matrices.fromStore(store, InteractionWeights.DEFAULTS);
        return new StoreMatrices(weighted, store.imported() != null ? null : Matrices.perType(store));
    }
}
