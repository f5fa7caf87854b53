#!/usr/bin/env bash
# scmap's analysis against the reference pipeline (scikit-learn TruncatedSVD + umap-learn), side by
# side on the same data in one run, with per-step times of both and the same quality measures.
#
#   bench/side-by-side.sh [--shared DIR] [--work DIR] [--rows N --cols N]
#
# Needs Debian's reference stack (the recipe of ../shared/bench/README.md):
#   apt-get install -y --no-install-recommends python3-sklearn python3-scipy umap-learn \
#       python3-pynndescent python3-numba
# and builds scmap's jar if it is missing. The data (8,000 x 200,000 with 12 planted communities by
# default) is generated once into the work folder and reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="$root/../shared"
work="${TMPDIR:-/tmp}/scmap-side-by-side"
gen_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shared) shared="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --rows|--cols) gen_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "side-by-side: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3
bench="$shared/bench"
[ -f "$bench/ref_pipeline.py" ] || { echo "side-by-side: no reference pipeline in $bench (pass --shared DIR)" >&2; exit 1; }
$py -c 'import sklearn, umap, scipy' 2>/dev/null \
  || { echo "side-by-side: the reference stack is missing; apt-get install python3-sklearn python3-scipy umap-learn python3-pynndescent python3-numba" >&2; exit 1; }
jar="$root/target/scmap.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)

mkdir -p "$work"
cd "$work"
if [ ! -f data/bench.npz ]; then
  echo "== generating the benchmark data (not timed)"
  $py "$bench/gen_bench.py" --out data "${gen_args[@]}" >/dev/null
  $py "$bench/to_reference_files.py" --data data --out ref >/dev/null
fi

echo "== reference: scikit-learn TruncatedSVD + umap-learn (numba JIT warmed up first, not counted)"
rm -rf out_py
start=$(date +%s%N)
$py "$bench/ref_pipeline.py" --data data --out out_py --umap-warmup >/dev/null
ref_wall=$(( ($(date +%s%N) - start) / 1000000 ))

echo "== scmap analyze on the reference's own files (JVM start included)"
rm -rf out_scmap
start=$(date +%s%N)
/usr/bin/time -f "%M" -o scmap.rss java -jar "$jar" analyze --npz ref/sparse_matrix.npz \
  --rows ref/remaining_seeds.csv --cols ref/seeds.csv --out out_scmap >/dev/null 2>scmap.err \
  || { cat scmap.err >&2; exit 1; }
ours_wall=$(( ($(date +%s%N) - start) / 1000000 ))

$py "$here/score.py" --data data --reference out_py --ours out_scmap \
  --reference-wall-ms "$ref_wall" --ours-wall-ms "$ours_wall" --ours-rss-kb "$(tail -1 scmap.rss)"
