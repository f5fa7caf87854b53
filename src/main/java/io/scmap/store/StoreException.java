package io.scmap.store;

import io.scmap.crawl.LedgerException;
import org.jspecify.annotations.Nullable;

/**
 * A store file could not be opened, read or written. The message names the file and says what
 * went wrong in words a user can act on (not an SQLite database, written by a newer scmap, ...).
 * It is a {@link LedgerException} because the store is the crawler's ledger.
 */
public final class StoreException extends LedgerException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message, null);
    }

    public StoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
