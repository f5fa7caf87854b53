#!/usr/bin/env python3
"""Prints scmap's analysis beside the reference's: per-step times, totals, and the same quality
measures computed the same way for both (scikit-learn's trustworthiness with 15 neighbours against
the reference's SVD space; adjusted Rand index against the planted communities). Called by
side-by-side.sh."""
import argparse
import csv
import json
import os

import numpy as np
from sklearn.manifold import trustworthiness
from sklearn.metrics import adjusted_rand_score


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--reference", required=True)
    ap.add_argument("--ours", required=True)
    ap.add_argument("--reference-wall-ms", type=float, required=True)
    ap.add_argument("--ours-wall-ms", type=float, required=True)
    ap.add_argument("--ours-rss-kb", type=float, default=0)
    args = ap.parse_args()
    args.reference_wall = args.reference_wall_ms / 1000
    args.ours_wall = args.ours_wall_ms / 1000

    ref = json.load(open(os.path.join(args.reference, "result.json")))
    manifest = json.load(open(os.path.join(args.ours, "manifest.json")))
    kept = np.loadtxt(os.path.join(args.reference, "kept.txt"), dtype=int)
    svd = np.load(os.path.join(args.reference, "svd.npy"))
    planted = np.loadtxt(os.path.join(args.data, "labels.csv"), delimiter=",", skiprows=1, usecols=1, dtype=int)

    # Our rows are named artist-<row>; put them in the reference's kept order.
    with open(os.path.join(args.ours, "points.csv"), encoding="utf-8") as f:
        ours = {int(r["permalink"].rsplit("-", 1)[1]): r for r in csv.DictReader(f)}
    common = [r for r in kept if r in ours]
    emb = np.array([[float(ours[r]["x"]), float(ours[r]["y"])] for r in common])
    labels = np.array([int(ours[r]["cluster"]) for r in common])
    svd_common = svd[[i for i, r in enumerate(kept) if r in ours]]
    ref_emb = np.load(os.path.join(args.reference, "emb.npy"))

    rt = ref["timings_s"]
    ot = manifest.get("timings_seconds", {})
    ref_steps = [("load + filter", rt.get("load_npz", 0) + rt.get("filter_normalise", 0)),
                 ("svd", rt.get("svd", 0)), ("umap", rt.get("umap", 0)), ("hdbscan", rt.get("hdbscan", 0))]
    print()
    print(f"rows kept: reference {len(kept)}, scmap {len(ours)} ({len(common)} in both)")
    print()
    print("step timings (s), as each side reports them")
    print("  reference: " + ", ".join(f"{k} {v:.2f}" for k, v in ref_steps)
          + f"  (numba JIT warm-up {rt.get('umap_warmup_jit', 0):.1f} s not counted)")
    print("  scmap:     " + ", ".join(f"{k} {float(v):.2f}" for k, v in flatten(ot)))
    ref_total = sum(v for _, v in ref_steps)
    print()
    print(f"whole analysis: reference {ref_total:.1f} s (its steps; {args.reference_wall:.1f} s wall with"
          f" Python start, warm-up and evaluation)")
    print(f"                scmap     {args.ours_wall:.1f} s wall (JVM start, reading the trio, writing every"
          f" output, peak RSS {args.ours_rss_kb / 1024:.0f} MiB)")
    print(f"                ratio     {args.ours_wall / ref_total:.2f} x the reference's steps")
    print()
    t_ref = trustworthiness(svd, ref_emb, n_neighbors=15)
    t_ours = trustworthiness(svd_common, emb, n_neighbors=15)
    print(f"trustworthiness(15) vs the reference's SVD space: reference {t_ref:.4f}, scmap {t_ours:.4f}"
          f" (difference {t_ours - t_ref:+.4f})")
    ari = adjusted_rand_score(planted[common], labels)
    clusters = len(set(labels) - {-1})
    print(f"ARI vs planted communities: scmap {ari:.3f} ({clusters} clusters, noise"
          f" {np.mean(labels < 0):.1%}); reference: "
          + (f"{ref['ari_vs_planted']:.3f}" if "ari_vs_planted" in ref else "no hdbscan module (Debian 12)"))


def flatten(timings, prefix=""):
    for k, v in timings.items():
        if isinstance(v, dict):
            yield from flatten(v, prefix + k + ".")
        else:
            yield prefix + k, v


if __name__ == "__main__":
    main()
