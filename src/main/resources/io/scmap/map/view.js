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
let density = null;
// Smaller maps get bigger dots.
const BASE_RADIUS = Math.max(1.3, Math.min(4, 4.4 - 0.6 * Math.log10(Math.max(N, 1))));

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
  return Math.min(3.2, Math.pow(2, Math.max(-1, viewState.zoom - fitZoom) * 0.3)) * BASE_RADIUS;
}

/** On wide screens the map fits beside the panels rather than under them. */
function fitInsets() {
  if (innerWidth < 800) return { left: 0, right: 0 };
  const panel = $('panel');
  return { left: panel.offsetLeft + panel.offsetWidth, right: 24 };
}

function fitView() {
  const w = Math.max(BOUNDS.x1 - BOUNDS.x0, 1e-9), h = Math.max(BOUNDS.y1 - BOUNDS.y0, 1e-9);
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

function pointsLayer() {
  const m = currentMode();
  return new deck.ScatterplotLayer({
    id: 'points',
    data: {
      length: N,
      attributes: {
        getPosition: { value: POSITIONS, size: 2 },
        getFillColor: { value: m.rgba, size: 4, normalized: true },
        getRadius: { value: SIZES, size: 1 },
        getFilterValue: { value: VISIBLE, size: 1 },
      },
    },
    radiusUnits: 'pixels',
    radiusScale: radiusScale(),
    radiusMinPixels: 1,
    pickable: true,
    extensions: [new deck.DataFilterExtension({ filterSize: 1 })],
    filterRange: [0.5, 1.5],
    updateTriggers: { getFillColor: m.name, getFilterValue: visibleVersion },
  });
}

/** Rings around the pinned (accent), hovered (white) and lasso-selected (light) artists. */
function ringLayers() {
  const rings = [];
  if (selectedList.length > 0) {
    rings.push(new deck.ScatterplotLayer({
      id: 'selected',
      data: selectedList,
      getPosition: i => [X[i], Y[i]],
      getRadius: i => SIZES[RANK[i]] * radiusScale() + 2,
      radiusUnits: 'pixels',
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.25,
      getLineColor: [235, 235, 240, 200],
      updateTriggers: { getRadius: radiusScale() },
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
 * Density of the shown points as filled contour bands. At most 200,000 of them are sampled (evenly in
 * drawing order), plenty for a density on a grid of about 150 cells across; thresholds are quantiles of
 * the non-empty cells, so the bands adapt to any map.
 */
function densityData() {
  const cell = Math.max(BOUNDS.x1 - BOUNDS.x0, BOUNDS.y1 - BOUNDS.y0, 1e-9) / 150;
  const step = Math.max(1, Math.ceil(visibleCount / 200000));
  const pos = [];
  let seen = 0;
  for (let k = 0; k < N; k++) {
    if (VISIBLE[k] !== 1 || seen++ % step !== 0) continue;
    pos.push(POSITIONS[2 * k], POSITIONS[2 * k + 1]);
  }
  const counts = new Map();
  for (let p = 0; p < pos.length; p += 2) {
    const key = Math.floor(pos[p] / cell) + ',' + Math.floor(pos[p + 1] / cell);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const sorted = Float64Array.from(counts.values()).sort();
  const q = f => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] : 1;
  const levels = [q(0.35), q(0.6), q(0.8), q(0.93)].map((t, k, a) => Math.max(t, k ? a[k - 1] + 0.5 : 1));
  return { version: visibleVersion, cell, positions: Float32Array.from(pos), levels };
}

function densityLayer() {
  if (!density || density.version !== visibleVersion) density = densityData();
  const t = density.levels;
  const band = (lo, hi, a) => ({ threshold: [lo, hi], color: [190, 200, 255, a] });
  return new deck.ContourLayer({
    id: 'density',
    data: { length: density.positions.length / 2, attributes: { getPosition: { value: density.positions, size: 2 } } },
    cellSize: density.cell,
    gpuAggregation: false,
    contours: [
      band(t[0], t[1], 18), band(t[1], t[2], 30), band(t[2], t[3], 44), band(t[3], Infinity, 60),
      { threshold: t[1], color: [205, 215, 255, 90], strokeWidth: 1 },
      { threshold: t[3], color: [205, 215, 255, 130], strokeWidth: 1 },
    ],
    updateTriggers: { getPosition: density.version },
  });
}

function layers() {
  const all = [];
  if (showDensity && N > 0) all.push(densityLayer());
  all.push(pointsLayer(), ...ringLayers());
  return all;
}

let layersQueued = false;

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
    onAfterRender: () => {
      if (!rendered) {
        rendered = true;
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

/** The artist drawn at screen position (x, y), or -1; hidden artists are never picked. */
function pickAt(x, y) {
  const info = deckgl.pickObject({ x, y, radius: 5, layerIds: ['points'] });
  return info && info.index >= 0 ? ORDER[info.index] : -1;
}
