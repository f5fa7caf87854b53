# Golden HDBSCAN labels for io.scmap.cluster.HdbscanGoldenTest, made outside scmap by R's dbscan
# package (Debian: apt install r-cran-dbscan; made with dbscan 1.1-11). Run from this folder:
#   Rscript make_golden.R
# Each <name>.csv holds the points and R's label (0 = noise). dbscan::hdbscan(x, minPts) uses minPts
# both as the smallest cluster and for core distances (the distance to the (minPts - 1)-th nearest
# other point), which is scmap's minClusterSize = minPts, minSamples = minPts - 1, epsilon 0.
library(dbscan)

write_golden <- function(name, x, minPts) {
  x <- round(x, 6)  # what is written is exactly what was clustered
  labels <- hdbscan(x, minPts = minPts)$cluster
  out <- data.frame(x, label = labels)
  colnames(out) <- c(paste0("x", seq_len(ncol(x))), "label")
  con <- file(paste0(name, ".csv"), "w")
  writeLines(sprintf("# dbscan::hdbscan(minPts = %d), dbscan %s, %d points, %d clusters, %d noise",
                     minPts, as.character(packageVersion("dbscan")), nrow(x),
                     length(setdiff(unique(labels), 0)), sum(labels == 0)), con)
  write.csv(out, con, row.names = FALSE)
  close(con)
}

blob <- function(n, cx, cy, sd) cbind(rnorm(n, cx, sd), rnorm(n, cy, sd))

# Gaussian blobs of uneven size and density over uniform noise.
set.seed(20261125)
blobs <- rbind(blob(400, 0, 0, 0.5), blob(250, 5, 1, 0.3), blob(150, 2, 6, 0.8),
               blob(80, 8, 7, 0.2), blob(40, -4, 5, 0.15),
               cbind(runif(80, -6, 10), runif(80, -3, 9)))
write_golden("blobs_2d", blobs, 10)

# Two interleaved half-moons and a ring: shapes that centroid methods split wrongly.
set.seed(7)
t <- runif(300, 0, pi)
moons <- rbind(cbind(cos(t), sin(t)), cbind(1 - cos(t), 0.5 - sin(t)))
moons <- moons + matrix(rnorm(length(moons), 0, 0.06), ncol = 2)
a <- runif(300, 0, 2 * pi)
ring <- cbind(4 + 1.5 * cos(a), 1.5 * sin(a)) + matrix(rnorm(600, 0, 0.05), ncol = 2)
write_golden("moons_ring_2d", rbind(moons, ring), 15)

# Many small, close scenes as a UMAP map of artists looks: 40 clusters of 20 to 120 points.
set.seed(42)
centres <- matrix(runif(80, 0, 30), ncol = 2)
sizes <- sample(20:120, 40, replace = TRUE)
scenes <- do.call(rbind, lapply(seq_len(40), function(i) blob(sizes[i], centres[i, 1], centres[i, 2], runif(1, 0.1, 0.5))))
write_golden("scenes_2d", scenes, 5)

# Five dimensions, three clusters with different spreads.
set.seed(99)
five <- rbind(matrix(rnorm(300 * 5, 0, 1), ncol = 5),
              matrix(rnorm(200 * 5, 6, 0.7), ncol = 5),
              matrix(rnorm(100 * 5, c(-5, 5, -5, 5, 0), 0.4), ncol = 5, byrow = TRUE))
write_golden("gauss_5d", five, 8)
