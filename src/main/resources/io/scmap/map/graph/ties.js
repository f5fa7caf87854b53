// ties.js: unpacks the ties (each point's ties as offsets to their targets, in the points' page
// order) and builds the graphology graph: one node per artist, keyed by its page index, and one
// undirected edge per pair of artists tied either way, its weight the sum of both directions.

const GRAPH_META = JSON.parse($('graph-meta').textContent);
let graph = null;

/** The tie columns, decoded like the points' (gzip by DecompressionStream, byte planes undone). */
async function unpackTies() {
  const holder = $('edges');
  const zipped = base64Bytes(holder.textContent.trim());
  holder.remove();
  const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  const buffer = await new Response(stream).arrayBuffer();
  const col = {};
  let at = 0;
  for (const c of GRAPH_META.columns) {
    const T = TYPED[c.type];
    col[c.name] = unshuffle(new Uint8Array(buffer, at, c.length * T.BYTES_PER_ELEMENT), T, c.length);
    at = Math.ceil((at + c.length * T.BYTES_PER_ELEMENT) / 8) * 8;
  }
  return col;
}

/** Builds the graph; nodes go in drawing order (least followed first) so that well-known artists draw on top. */
function buildGraph(col) {
  graph = new graphology.Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const range = followerRange();
  for (let k = 0; k < N; k++) {
    const i = ORDER[k];
    graph.addNode(i, { x: X[i], y: Y[i], size: sizeOf(i, range), color: colourOf(i), label: nameOf(i), hidden: false });
  }
  let e = 0;
  for (let i = 0; i < N; i++) {
    for (let c = col.edgeCount[i]; c > 0; c--, e++) {
      const j = i + col.edgeTarget[e];
      const w = col.edgeWeight[e];
      const key = graph.edge(i, j);
      if (key === undefined) graph.addEdge(i, j, { weight: w });
      else graph.updateEdgeAttribute(key, 'weight', v => v + w);
    }
  }
}

function followerRange() {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < N; i++) {
    if (FOLLOWERS[i] < 0) continue;
    const v = Math.log1p(FOLLOWERS[i]);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, span: Math.max(hi - lo, 1e-9) } : { lo: 0, span: 1 };
}

// Radius in screen pixels: the square of the log-followers' place in their range, so that the few
// widely followed artists stand out and the many small ones stay dots. Unknown followers: smallest.
// sigma finds the artist under the pointer in a half-resolution picture that leaves out a point's
// rim; below 3 pixels some artists could not be hovered or clicked.
const MIN_SIZE = 3, MAX_SIZE = 12;

function sizeOf(i, range) {
  if (FOLLOWERS[i] < 0) return MIN_SIZE;
  const t = Math.min(1, Math.max(0, (Math.log1p(FOLLOWERS[i]) - range.lo) / range.span));
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * t * t;
}

/** Legend group of point i: its scene's position, or SCENES.length for the unclustered. */
function groupOf(i) {
  const k = SCENE_OF.get(CLUSTER[i]);
  return k === undefined ? SCENES.length : k;
}

function colourOf(i) {
  const k = SCENE_OF.get(CLUSTER[i]);
  return k === undefined ? UNKNOWN_COLOUR : SCENES[k].colour;
}

/** The artists tied to i, strongest tie first (ties of equal weight by followers). */
function tiesOf(i) {
  const out = [];
  graph.forEachEdge(String(i), (edge, attr, source, target) => {
    out.push({ j: Number(source) === i ? Number(target) : Number(source), weight: attr.weight });
  });
  out.sort((a, b) => b.weight - a.weight || FOLLOWERS[b.j] - FOLLOWERS[a.j] || a.j - b.j);
  return out;
}
