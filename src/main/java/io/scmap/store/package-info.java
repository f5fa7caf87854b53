/**
 * Store stage: the SQLite file that holds accounts, crawl state and raw interactions, versioned by
 * migrations. It implements the crawler's ledger and serves the matrix stage.
 */
@NullMarked
package io.scmap.store;

import org.jspecify.annotations.NullMarked;
