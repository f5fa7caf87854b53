package io.scmap.cli;

import io.scmap.crawl.InteractionWeights;
import io.scmap.matrix.InteractionMatrix;
import io.scmap.matrix.Matrices;
import io.scmap.matrix.SparseMatrix;
import io.scmap.source.InteractionType;
import io.scmap.store.Store;
import io.scmap.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A database's matrices: the weighted one and the unweighted counts per type,
 * which an imported database does not have (null: the reference's files hold weighted sums only).
 */
record StoreMatrices(InteractionMatrix weighted, @Nullable Map<InteractionType, SparseMatrix> perType) {

    /** Reads both from an open store, weighted as the reference weighs. */
    static StoreMatrices of(Store store) throws StoreException {
        return of(store, InteractionWeights.DEFAULTS);
    }

    /**
     * Reads both from an open store with the given weights; an imported store keeps the weighted sums
     * it was imported with (the caller refuses other weights for it, see {@link #requireReweightable}).
     */
    static StoreMatrices of(Store store, InteractionWeights weights) throws StoreException {
        InteractionMatrix weighted = Matrices.fromStore(store, weights);
        return new StoreMatrices(weighted, store.imported() != null ? null : Matrices.perType(store));
    }

    /** Fails when {@code --weights} was given for a database imported from the reference's files. */
    StoreMatrices requireReweightable(WeightsOption option, Path db) throws CommandFailedException {
        if (perType == null && option.given()) {
            throw new CommandFailedException(db + " was imported from the reference's files, which hold weighted sums"
                    + " only: --weights cannot weigh its interactions anew");
        }
        return this;
    }
}
