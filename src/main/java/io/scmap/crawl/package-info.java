/**
 * Crawl stage: the reference's crawl algorithm (seeds in order, then expansion to the unscraped account
 * with the highest interaction score), one transaction per account through a {@link io.scmap.crawl.CrawlLedger}
 * that a store implements.
 */
@NullMarked
package io.scmap.crawl;

import org.jspecify.annotations.NullMarked;
