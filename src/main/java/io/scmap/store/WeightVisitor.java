package io.scmap.store;

/** Receives imported cells from {@link Store#forEachImportedCell}, by account id, without an object per cell. */
@FunctionalInterface
public interface WeightVisitor {
    void accept(long sourceId, long targetId, double weight);
}
