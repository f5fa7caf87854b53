/**
 * Store stage: the SQLite file that holds accounts, crawl state and raw interactions, versioned by
 * migrations. It implements the crawler's ledger and serves the matrix stage. A store can also be
 * created from the reference's file trio ({@link io.scmap.store.Store#createImported}): its accounts
 * have negative ids and its interactions are weighted cells, and the crawler refuses it.
 */
@NullMarked
package io.scmap.store;

import org.jspecify.annotations.NullMarked;
