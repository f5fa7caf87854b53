// pick.js: which artist is under the pointer, found on the CPU in a grid of the points rather than by
// deck.gl's GPU picking pass, which would run the point shader over every point on each pointer move:
// cheap on a GPU, seconds per move at a million points in a software renderer.

let GRID = null;

/** Points bucketed into square cells (about four per cell) by a counting sort. O(n). */
function buildGrid() {
  const g = Math.max(1, Math.min(2048, Math.ceil(Math.sqrt(N / 4))));
  const w = BOUNDS.x1 - BOUNDS.x0, h = BOUNDS.y1 - BOUNDS.y0;
  const cell = Math.max(w, h, 1e-9) / g;
  const gx = Math.floor(w / cell) + 1, gy = Math.floor(h / cell) + 1;
  const start = new Int32Array(gx * gy + 1);
  const cellOf = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const cx = Math.min(gx - 1, Math.floor((X[i] - BOUNDS.x0) / cell));
    const cy = Math.min(gy - 1, Math.floor((Y[i] - BOUNDS.y0) / cell));
    cellOf[i] = cx + gx * cy;
    start[cellOf[i] + 1]++;
  }
  for (let c = 0; c < gx * gy; c++) start[c + 1] += start[c];
  const fill = start.slice(0, gx * gy);
  const items = new Int32Array(N);
  for (let i = 0; i < N; i++) items[fill[cellOf[i]]++] = i;
  GRID = { cell, gx, gy, start, items };
}

/**
 * The shown artist under screen position (sx, sy): among those whose dot covers it (plus a few pixels
 * of slack), the one drawn on top, i.e. the most followed; -1 when there is none.
 */
function pickAt(sx, sy) {
  if (!GRID || N === 0) return -1;
  const [wx, wy] = toWorld(sx, sy);
  const s = scale(), slack = 3, rs = radiusScale();
  const wr = (SIZES_MAX * rs + slack) / s;
  const { cell, gx, gy, start, items } = GRID;
  const clampX = v => Math.max(0, Math.min(gx - 1, Math.floor((v - BOUNDS.x0) / cell)));
  const clampY = v => Math.max(0, Math.min(gy - 1, Math.floor((v - BOUNDS.y0) / cell)));
  const ax = clampX(wx - wr), bx = clampX(wx + wr), ay = clampY(wy - wr), by = clampY(wy + wr);
  if ((bx - ax + 1) * (by - ay + 1) > 40000) return -1;
  let best = -1;
  for (let cy = ay; cy <= by; cy++) {
    for (let cx = ax; cx <= bx; cx++) {
      const c = cx + gx * cy;
      for (let k = start[c]; k < start[c + 1]; k++) {
        const i = items[k];
        const rank = RANK[i];
        if (VISIBLE[rank] !== 1) continue;
        const reach = (SIZES[rank] * rs + slack) / s;
        const dx = X[i] - wx, dy = Y[i] - wy;
        if (dx * dx + dy * dy <= reach * reach && (best < 0 || rank > RANK[best])) best = i;
      }
    }
  }
  return best;
}
