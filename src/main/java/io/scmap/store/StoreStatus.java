package io.scmap.store;

import io.scmap.crawl.ExpansionScore;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store holds, for {@code scmap status}.
 *
 * @param file the store file
 * @param schemaVersion its schema version
 * @param createdAt when the file was created (ISO instant), where recorded
 * @param createdBy the scmap version that created it, where recorded
 * @param requests requests made to SoundCloud over all crawls
 * @param accounts accounts encountered (scraped, skipped or only interacted with)
 * @param scraped accounts scraped
 * @param skipped accounts skipped
 * @param open accounts encountered but neither scraped nor skipped (the frontier)
 * @param skippedByReason skipped accounts and seeds by reason code, most frequent first
 * @param interactions interactions recorded
 * @param seeds the seed queue in order
 * @param frontierHead the open accounts with the highest expansion score under {@link #rankedBy()},
 *     best first
 * @param imported where the store was imported from, or null for a crawled store
 * @param expansionScore the rule the last expanding crawl ranked its candidates by, or null where
 *     none is recorded (a store from before scmap recorded it, or never expanded)
 */
public record StoreStatus(
        Path file,
        int schemaVersion,
        @Nullable String createdAt,
        @Nullable String createdBy,
        long requests,
        int accounts,
        int scraped,
        int skipped,
        int open,
        Map<String, Integer> skippedByReason,
        long interactions,
        List<Seed> seeds,
        List<Candidate> frontierHead,
        @Nullable Import imported,
        @Nullable ExpansionScore expansionScore) {

    public StoreStatus {
        Objects.requireNonNull(file, "file");
        skippedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
        seeds = List.copyOf(seeds);
        frontierHead = List.copyOf(frontierHead);
    }

    /** The rule {@link #frontierHead()} is ranked by: the recorded one, else the default (weighted). */
    public ExpansionScore rankedBy() {
        return expansionScore == null ? ExpansionScore.WEIGHTED : expansionScore;
    }

    /**
     * A seed permalink and what became of it.
     *
     * @param accountId the account it resolved to, or -1
     * @param reason why it was skipped (e.g. {@code not_found}), or null
     */
    public record Seed(
            String permalink, long accountId, @Nullable String reason) {
        public Seed {
            Objects.requireNonNull(permalink, "permalink");
        }

        /** Neither resolved nor skipped yet. */
        public boolean pending() {
            return accountId < 0 && reason == null;
        }
    }

    /**
     * The marker of a store imported from the reference's files ({@code scmap import}).
     *
     * @param importedAt when it was imported (ISO instant)
     * @param matrixFile the matrix's file ({@code sparse_matrix.npz})
     * @param rowsFile the row labels' file ({@code remaining_seeds.csv})
     * @param columnsFile the column labels' file ({@code seeds.csv})
     * @param cells the matrix's stored cells (its weighted interaction counts)
     * @param withoutFollowers accounts whose follower count the files do not give: every account that
     *     is only a column (the columns file has no followers), and rows without one
     */
    public record Import(
            String importedAt,
            SourceFile matrixFile,
            SourceFile rowsFile,
            SourceFile columnsFile,
            long cells,
            int withoutFollowers) {
        public Import {
            Objects.requireNonNull(importedAt, "importedAt");
            Objects.requireNonNull(matrixFile, "matrixFile");
            Objects.requireNonNull(rowsFile, "rowsFile");
            Objects.requireNonNull(columnsFile, "columnsFile");
        }
    }

    /**
     * An expansion candidate.
     *
     * @param followers follower count, or -1 where unknown
     * @param score its expansion score: Σ weight(type) over the interactions that target it, under
     *     the rule of {@link StoreStatus#rankedBy()}
     */
    public record Candidate(long id, String permalink, String displayName, long followers, double score) {
        public Candidate {
            Objects.requireNonNull(permalink, "permalink");
            Objects.requireNonNull(displayName, "displayName");
        }
    }
}
