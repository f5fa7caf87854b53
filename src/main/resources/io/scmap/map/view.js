// view.js: the deck.gl scene: an orthographic view of the map coordinates (y up), the points as one
// ScatterplotLayer read straight from typed arrays, a GPU filter for hidden groups, rings for the
// hovered, pinned and selected artists, and optional density contours.

const ACCENT = [255, 138, 61];
const MAX_ZOOM_IN = 12;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
let deckgl = null;
let viewState = { target: [0, 0, 0], zoom: 0 };
let fitZoom = 0;
let hoverIndex = -1, pinnedIndex = -1;
let showDensity = false;
let POSITIONS = new Float32Array(0), SIZES = new Float32Array(0);
const SIZES_MAX = 2.1;
let density = null;
// Smaller maps get bigger dots; at a million they are under a pixel, and density shows as brightness.
const BASE_RADIUS = Math.max(0.7, Math.min(4, 4.4 - 0.62 * Math.log10(Math.max(N, 1))));

/** Positions and relative dot sizes (growing with followers) in drawing order. */
function buildBuffers() {
  POSITIONS = new Float32Array(2 * N);
  SIZES = new Float32Array(N);
  for (let k = 0; k < N; k++) {
    const i = ORDER[k];
    POSITIONS[2 * k] = X[i];
    POSITIONS[2 * k + 1] = Y[i];
    const f = FOLLOWERS[i];
    SIZES[k] = 1 + 0.22 * Math.min(5, Math.max(0, Math.log10(1 + Math.max(f, 0)) - 1));
  }
  buildGrid();
}

function scale() {
  return Math.pow(2, viewState.zoom);
}

/** Screen position (CSS pixels) of world point (x, y) in the current view. */
function toScreen(x, y) {
  const s = scale();
  return [innerWidth / 2 + (x - viewState.target[0]) * s, innerHeight / 2 - (y - viewState.target[1]) * s];
}

function toWorld(sx, sy) {
  const s = scale();
  return [viewState.target[0] + (sx - innerWidth / 2) / s, viewState.target[1] - (sy - innerHeight / 2) / s];
}

/** Dots grow gently as one zooms in, so that dense areas open up and sparse ones stay readable. */
function radiusScale() {
  return Math.min(2.6, Math.pow(2, Math.max(-1, viewState.zoom - fitZoom) * 0.25)) * BASE_RADIUS;
}

/** On wide screens the map fits beside the panels rather than under them. */
function fitInsets() {
  if (innerWidth < 800) return { left: 0, right: 0 };
  const panel = $('panel');
  return { left: panel.offsetLeft + panel.offsetWidth, right: 24 };
}

function fitView() {
  // A map of one point, or of points on a line, still gets a sensible zoom.
  const w0 = BOUNDS.x1 - BOUNDS.x0, h0 = BOUNDS.y1 - BOUNDS.y0, least = Math.max(w0, h0) * 0.05 || 1;
  const w = Math.max(w0, least), h = Math.max(h0, least);
  const inset = fitInsets();
  const room = Math.max(200, innerWidth - inset.left - inset.right);
  const s = 0.92 * Math.min(room / w, (innerHeight - 24) / h);
  fitZoom = Math.log2(s);
  const cx = (BOUNDS.x0 + BOUNDS.x1) / 2 - (inset.left - inset.right) / 2 / s;
  return { target: [cx, (BOUNDS.y0 + BOUNDS.y1) / 2, 0], zoom: fitZoom };
}

function limits(v) {
  return { ...v, minZoom: fitZoom - 3, maxZoom: fitZoom + MAX_ZOOM_IN };
}

let pointsData = null, pointsKey = '';

function pointsLayer() {
  const m = currentMode();
  // A new data object only when colours or visibility changed: deck.gl then re-reads the buffers.
  const key = m.name + ':' + visibleVersion;
  if (key !== pointsKey) {
    pointsKey = key;
    pointsData = {
      length: N,
      attributes: {
        getPosition: { value: POSITIONS, size: 2 },
        getFillColor: { value: m.rgba, size: 4, normalized: true },
        getRadius: { value: SIZES, size: 1 },
        getFilterValue: { value: VISIBLE, size: 1 },
      },
    };
  }
  return new deck.ScatterplotLayer({
    id: 'points',
    data: pointsData,
    radiusUnits: 'pixels',
    radiusScale: radiusScale(),
    radiusMinPixels: 0.5,
    extensions: [new deck.DataFilterExtension({ filterSize: 1 })],
    filterRange: [0.5, 1.5],
    updateTriggers: { getFillColor: m.name, getFilterValue: visibleVersion },
  });
}

/** Rings around the pinned (accent), hovered (white) and selected (light; the most followed) artists. */
function ringLayers() {
  const rings = [];
  if (selectedList.length > 0) {
    rings.push(new deck.ScatterplotLayer({
      id: 'selected',
      data: selectedRings,
      getPosition: i => [X[i], Y[i]],
      // A ring on each dot's edge: its size follows radiusScale, so zooming recomputes nothing.
      getRadius: i => SIZES[RANK[i]],
      radiusUnits: 'pixels',
      radiusScale: radiusScale(),
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      getLineColor: [240, 240, 245, 220],
    }));
  }
  const marks = [];
  if (pinnedIndex >= 0) marks.push({ i: pinnedIndex, colour: [...ACCENT, 255] });
  if (hoverIndex >= 0) marks.push({ i: hoverIndex, colour: [255, 255, 255, 255] });
  rings.push(new deck.ScatterplotLayer({
    id: 'marks',
    data: marks,
    getPosition: d => [X[d.i], Y[d.i]],
    getRadius: d => SIZES[RANK[d.i]] * radiusScale() + 4,
    getLineColor: d => d.colour,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    updateTriggers: { getRadius: radiusScale() },
  }));
  return rings;
}

/**
 * Density of the shown points: counts on a grid of 80 to 200 cells across (more for more points),
 * smoothed by a Gaussian (a kernel density estimate), handed to deck.gl's ContourLayer one weighted point per cell so that its
 * marching squares trace the smooth field. Levels are fractions of the 99th percentile cell, so the
 * bands adapt to any map. Linear in the points plus the grid.
 */
function densityData() {
  const across = Math.max(80, Math.min(200, Math.round(2 * Math.sqrt(N))));
  const cell = Math.max(BOUNDS.x1 - BOUNDS.x0, BOUNDS.y1 - BOUNDS.y0, 1e-9) / across;
  const pad = 10;
  const ox = Math.floor(BOUNDS.x0 / cell) - pad, oy = Math.floor(BOUNDS.y0 / cell) - pad;
  const gw = Math.floor(BOUNDS.x1 / cell) - ox + pad + 1, gh = Math.floor(BOUNDS.y1 / cell) - oy + pad + 1;
  let grid = new Float32Array(gw * gh);
  for (let k = 0; k < N; k++) {
    if (VISIBLE[k] !== 1) continue;
    grid[(Math.floor(POSITIONS[2 * k] / cell) - ox) + gw * (Math.floor(POSITIONS[2 * k + 1] / cell) - oy)]++;
  }
  grid = blur(blur(grid, gw, gh, 1, gw), gh, gw, gw, 1);
  const cells = [], weights = [];
  let max = 0;
  for (let c = 0; c < grid.length; c++) max = Math.max(max, grid[c]);
  for (let c = 0; c < grid.length; c++) {
    if (grid[c] <= max * 1e-3) continue;
    cells.push(((c % gw) + ox + 0.5) * cell, (Math.floor(c / gw) + oy + 0.5) * cell);
    weights.push(grid[c]);
  }
  const sorted = Float64Array.from(weights).sort();
  const top = sorted.length ? sorted[Math.floor(0.99 * (sorted.length - 1))] : 1;
  return {
    version: visibleVersion, cell, positions: Float32Array.from(cells), weights: Float32Array.from(weights),
    levels: [0.1, 0.25, 0.45, 0.7].map(f => f * top),
  };
}

/** A separable Gaussian blur (sigma 2.6 cells) along one axis of a grid: lines of a given stride. */
function blur(grid, lines, length, lineStride, step) {
  const r = 8, kernel = [];
  for (let d = -r; d <= r; d++) kernel.push(Math.exp(-(d * d) / (2 * 2.6 * 2.6)));
  const out = new Float32Array(grid.length);
  for (let l = 0; l < lines; l++) {
    const base = l * lineStride;
    for (let a = 0; a < length; a++) {
      let sum = 0;
      for (let d = -r; d <= r; d++) {
        const b = a + d;
        if (b >= 0 && b < length) sum += grid[base + b * step] * kernel[d + r];
      }
      out[base + a * step] = sum;
    }
  }
  return out;
}

function densityLayer() {
  if (!density || density.version !== visibleVersion) density = densityData();
  const { positions, weights, levels: t } = density;
  const band = (lo, hi, a) => ({ threshold: [lo, hi], color: [170, 185, 255, a] });
  return new deck.ContourLayer({
    id: 'density',
    data: { length: weights.length },
    // deck.gl's aggregation layers read positions through an accessor rather than a binary attribute.
    getPosition: (_, { index, target }) => {
      target[0] = positions[2 * index];
      target[1] = positions[2 * index + 1];
      target[2] = 0;
      return target;
    },
    getWeight: (_, { index }) => weights[index],
    aggregation: 'SUM',
    cellSize: density.cell,
    gridOrigin: [0, 0],
    gpuAggregation: false,
    // Drawn under the points: without this the bands, lifted a little in z, would hide them.
    parameters: { depthWriteEnabled: false, depthCompare: 'always' },
    contours: [
      band(t[0], t[1], 22), band(t[1], t[2], 34), band(t[2], t[3], 48), band(t[3], 1e30, 64),
      { threshold: t[0], color: [200, 210, 255, 150], strokeWidth: 1.5 },
      { threshold: t[2], color: [215, 225, 255, 190], strokeWidth: 1.5 },
    ],
    updateTriggers: { getPosition: density.version, getWeight: density.version },
  });
}

function layers() {
  const all = [];
  if (showDensity && N > 0) all.push(densityLayer());
  all.push(pointsLayer(), ...ringLayers());
  return all;
}

let layersQueued = false, afterRender = null;

/** Milliseconds to draw one frame of the current view, the GPU's work included (for the benchmark). */
function timeFrame() {
  return new Promise(resolve => {
    const t0 = performance.now();
    afterRender = gl => {
      afterRender = null;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      resolve(performance.now() - t0);
    };
    deckgl.redraw('timed');
  });
}

/** Rebuilds the layer list on the next frame; deck.gl only uploads what changed. */
function redraw() {
  if (layersQueued || !deckgl) return;
  layersQueued = true;
  requestAnimationFrame(() => {
    layersQueued = false;
    deckgl.setProps({ layers: layers() });
  });
}

function createDeck(onFirstRender) {
  let rendered = false;
  viewState = limits(fitView());
  // Sized before deck.gl starts, so that its first frame is drawn at the final size, not 300 × 150.
  const canvas = $('map');
  canvas.width = Math.round(canvas.clientWidth * (window.devicePixelRatio || 1));
  canvas.height = Math.round(canvas.clientHeight * (window.devicePixelRatio || 1));
  deckgl = new deck.Deck({
    canvas: 'map',
    width: '100%',
    height: '100%',
    views: new deck.OrthographicView({ id: 'map', flipY: false }),
    initialViewState: viewState,
    controller: { dragRotate: false, doubleClickZoom: true, keyboard: { zoomSpeed: 1, moveSpeed: 120 } },
    pickingRadius: 5,
    layers: layers(),
    onViewStateChange: ({ viewState: v }) => {
      viewState = v;
      viewMoved();
    },
    getCursor: ({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    onHover: info => pointerOver(info),
    onClick: info => pointerClick(info),
    onAfterRender: ({ gl }) => {
      if (afterRender) afterRender(gl);
      if (!rendered && gl.drawingBufferWidth === canvas.width && gl.drawingBufferHeight === canvas.height) {
        rendered = true;
        // Waits for the GPU to finish the frame, so that the time recorded is when the points show.
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        onFirstRender();
      }
    },
    onError: error => fatal('The map could not be drawn: ' + (error && error.message ? error.message : error)),
  });
}

function viewMoved() {
  placeLabelsSoon();
  redraw();
}

/** Moves the view to centre (x, y) at the given zoom, as one smooth motion unless motion is reduced. */
function flyTo(x, y, zoom) {
  const target = limits({ target: [x, y, 0], zoom: Math.max(fitZoom - 3, Math.min(fitZoom + MAX_ZOOM_IN, zoom)) });
  if (!reducedMotion) {
    target.transitionDuration = 700;
    target.transitionInterpolator = new deck.LinearInterpolator(['target', 'zoom']);
  }
  viewState = { ...viewState, ...(reducedMotion ? target : {}) };
  deckgl.setProps({ initialViewState: target });
  viewMoved();
}

function flyToPoint(i) {
  flyTo(X[i], Y[i], Math.max(viewState.zoom, fitZoom + 3));
}

function fit() {
  const v = fitView();
  flyTo(v.target[0], v.target[1], v.zoom);
}

