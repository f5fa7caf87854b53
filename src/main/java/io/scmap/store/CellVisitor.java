package io.scmap.store;

/** Receives the cells of a matrix one at a time, without an object per cell. */
@FunctionalInterface
public interface CellVisitor {
    /**
     * One stored cell.
     *
     * @param row the row's position, from 0
     * @param column the column's position, from 0
     * @param weight the cell's value
     */
    void accept(int row, int column, double weight);
}
