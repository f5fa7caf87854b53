// view.js: the canvases, the world-to-screen transform, drawing (points, labels, rings) and the
// pointer, wheel and keyboard controls. World y points up, screen y down.

const BG = '#1f2229';
const ACCENT = '#ff8a3d';
const SLOW_MS = 14;
const canvas = document.getElementById('map');
const overlay = document.getElementById('overlay');
const ctx = canvas.getContext('2d', { alpha: false });
const octx = overlay.getContext('2d');
const snap = document.createElement('canvas');
const sctx = snap.getContext('2d', { alpha: false });
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const view = { cx: 0, cy: 0, s: 1 };
let W = 1, H = 1, DPR = 1, fitScale = 1;
let hoverIndex = -1, pinnedIndex = -1;
let showLabels = true;
// Smaller maps get bigger dots.
const BASE0 = Math.max(1.4, Math.min(4, 4.6 - 0.62 * Math.log10(Math.max(N, 1))));

const toScreenX = x => (x - view.cx) * view.s + W / 2;
const toScreenY = y => (view.cy - y) * view.s + H / 2;
const toWorldX = sx => (sx - W / 2) / view.s + view.cx;
const toWorldY = sy => view.cy - (sy - H / 2) / view.s;

/** Dot radius in CSS pixels for the smallest size level; grows gently as one zooms in. */
function baseRadius() {
  return Math.min(8, BASE0 * Math.pow(view.s / fitScale, 0.3));
}

function radiusOf(level, base) {
  return base * (1 + 0.25 * level);
}

function resize() {
  DPR = window.devicePixelRatio || 1;
  W = Math.max(1, window.innerWidth);
  H = Math.max(1, window.innerHeight);
  for (const c of [canvas, overlay, snap]) {
    c.width = Math.round(W * DPR);
    c.height = Math.round(H * DPR);
  }
  const w = BOUNDS.x1 - BOUNDS.x0, h = BOUNDS.y1 - BOUNDS.y0;
  const old = fitScale;
  fitScale = 0.9 * Math.min((W - fitInset()) / (w || 1), H / (h || 1));
  view.s *= fitScale / old;
  snapValid = false;
  redrawAll();
}

/** On wide screens the map fits beside the panel rather than under it. */
function fitInset() {
  const panel = document.getElementById('panel');
  return W >= 800 ? panel.offsetLeft + panel.offsetWidth : 0;
}

function fit() {
  view.cx = (BOUNDS.x0 + BOUNDS.x1) / 2 - fitInset() / 2 / fitScale;
  view.cy = (BOUNDS.y0 + BOUNDS.y1) / 2;
  view.s = fitScale;
  viewChanged();
}

// ---- drawing --------------------------------------------------------------------------------------

// Dots are stamped straight into an ImageData buffer: in software-rendered canvases (no GPU) this is
// about ten times faster than a drawImage per dot, and on GPU canvases it costs one texture upload.
// Pixels are written as 32-bit words in little-endian RGBA order, the byte order of every platform that
// runs a browser today.

const packRgb = (r, g, b) => (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
const BG_WORD = packRgb(0x1f, 0x22, 0x29);
let image = null, pixels = null, stampKey = '', stamps = [];

/** Pre-rendered dots, one per colour and size level, as pixel offsets for a buffer of this stride. */
function stampsFor(m, base, stride) {
  const key = m.name + ':' + base + ':' + stride;
  if (key === stampKey) return stamps;
  stampKey = key;
  stamps = [];
  for (const colour of m.colours) {
    for (let level = 0; level < SIZE_LEVELS; level++) stamps.push(makeStamp(colour, radiusOf(level, base), stride));
  }
  return stamps;
}

/**
 * A dot of radius r rendered once by the canvas (anti-aliased, with a faint light rim that keeps the
 * darkest colours visible on the dark background), kept as its opaque pixels (offset, word) and its
 * partly covered ones (offset, colour, coverage) to blend.
 */
function makeStamp(colour, r, stride) {
  const size = Math.ceil(2 * r + 2);
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d', { willReadFrequently: true });
  g.beginPath();
  g.arc(size / 2, size / 2, r, 0, 2 * Math.PI);
  g.fillStyle = colour;
  g.fill();
  if (r >= 2.5) {
    g.lineWidth = Math.max(1, r * 0.15);
    g.strokeStyle = 'rgba(255,255,255,0.35)';
    g.stroke();
  }
  const data = g.getImageData(0, 0, size, size).data;
  const solid = [], solidWord = [], part = [], partRgb = [], partAlpha = [], dx = [], dy = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const k = (y * size + x) * 4, a = data[k + 3];
      if (a === 0) continue;
      dx.push(x);
      dy.push(y);
      if (a === 255) {
        solid.push(y * stride + x);
        solidWord.push(packRgb(data[k], data[k + 1], data[k + 2]));
      } else {
        part.push(y * stride + x);
        partRgb.push(data[k], data[k + 1], data[k + 2]);
        partAlpha.push(a);
      }
    }
  }
  return {
    size, half: size / 2, dx, dy, solid: Int32Array.from(solid), solidWord: Uint32Array.from(solidWord),
    part: Int32Array.from(part), partRgb: Uint8Array.from(partRgb), partAlpha: Uint8Array.from(partAlpha),
  };
}

function blend(o, r, g, b, a) {
  const d = pixels[o], ia = 255 - a;
  pixels[o] = packRgb((((d & 255) * ia + r * a) / 255) | 0, ((((d >> 8) & 255) * ia + g * a) / 255) | 0,
    ((((d >> 16) & 255) * ia + b * a) / 255) | 0);
}

function stamp(st, at) {
  const { solid, solidWord, part, partRgb, partAlpha } = st;
  for (let k = 0; k < solid.length; k++) pixels[at + solid[k]] = solidWord[k];
  for (let k = 0; k < part.length; k++) {
    blend(at + part[k], partRgb[3 * k], partRgb[3 * k + 1], partRgb[3 * k + 2], partAlpha[k]);
  }
}

/** A dot that crosses the canvas edge: pixel by pixel, with bounds checks. */
function stampClipped(st, x0, y0, w, h) {
  const stride = w;
  for (let k = 0; k < st.dx.length; k++) {
    const x = x0 + st.dx[k], y = y0 + st.dy[k];
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    const rel = st.dy[k] * stride + st.dx[k];
    const s = st.solid.indexOf(rel);
    if (s >= 0) {
      pixels[y * stride + x] = st.solidWord[s];
    } else {
      const p = st.part.indexOf(rel);
      blend(y * stride + x, st.partRgb[3 * p], st.partRgb[3 * p + 1], st.partRgb[3 * p + 2], st.partAlpha[p]);
    }
  }
}

let snapValid = false, snapView = { cx: 0, cy: 0, s: 1 }, lastPointsMs = 0, lastFullAt = 0;

function drawPoints() {
  const t0 = performance.now();
  const m = currentMode();
  const cw = canvas.width, ch = canvas.height;
  if (!image || image.width !== cw || image.height !== ch) {
    image = ctx.createImageData(cw, ch);
    pixels = new Uint32Array(image.data.buffer);
  }
  pixels.fill(BG_WORD);
  const s = view.s * DPR;
  const ox = cw / 2 - view.cx * s, oy = ch / 2 + view.cy * s;
  const st = stampsFor(m, Math.round(baseRadius() * DPR * 4) / 4, cw);
  const { hidden, group, colour } = m;
  const pad = 24 * DPR;
  for (let k = 0; k < N; k++) {
    const i = ORDER[k];
    if (hidden[group[i]]) continue;
    const px = X[i] * s + ox;
    if (px < -pad || px > cw + pad) continue;
    const py = oy - Y[i] * s;
    if (py < -pad || py > ch + pad) continue;
    const o = st[colour[i] * SIZE_LEVELS + LEVEL[i]];
    const x0 = Math.round(px - o.half), y0 = Math.round(py - o.half);
    if (x0 >= 0 && y0 >= 0 && x0 + o.size <= cw && y0 + o.size <= ch) stamp(o, y0 * cw + x0);
    else stampClipped(o, x0, y0, cw, ch);
  }
  ctx.putImageData(image, 0, 0);
  lastFullAt = performance.now();
  lastPointsMs = lastFullAt - t0;
  // Only slow maps keep a snapshot to move around while the user drags or zooms.
  snapValid = lastPointsMs > SLOW_MS;
  if (snapValid) {
    sctx.drawImage(canvas, 0, 0);
    snapView = { cx: view.cx, cy: view.cy, s: view.s };
  }
}

/** Moves and scales the last full drawing to the current view: cheap, for the frames of a gesture. */
function drawFast() {
  const k = view.s / snapView.s;
  const dx = (W / 2) * (1 - k) + (snapView.cx - view.cx) * view.s;
  const dy = (H / 2) * (1 - k) + (view.cy - snapView.cy) * view.s;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(k, 0, 0, k, dx * DPR, dy * DPR);
  ctx.drawImage(snap, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

const LABEL_FONT = '600 12.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const labelWidth = new Float32Array(SCENES.length).fill(-1);
const labelText = SCENES.map(s => display(s.label)).map(t => (t.length > 40 ? t.slice(0, 39) + '…' : t));
const labelOrder = SCENES.map((s, k) => k).sort((a, b) => SCENES[b].size - SCENES[a].size || a - b);

/** Scene labels at scene centres, largest scenes first, skipping any that would overlap one placed. */
function drawLabels() {
  const m = currentMode();
  octx.font = LABEL_FONT;
  octx.textAlign = 'center';
  octx.textBaseline = 'middle';
  octx.lineJoin = 'round';
  const placed = [];
  for (const k of labelOrder) {
    if (m.name === 'scene' && m.hidden[k]) continue;
    let sx = toScreenX(SCENES[k].x), sy = toScreenY(SCENES[k].y);
    if (sx < 0 || sy < 0 || sx > W || sy > H) continue;
    if (labelWidth[k] < 0) labelWidth[k] = octx.measureText(labelText[k]).width;
    // Keep the whole label on screen when its scene's centre is.
    sx = Math.max(labelWidth[k] / 2 + 4, Math.min(W - labelWidth[k] / 2 - 4, sx));
    sy = Math.max(12, Math.min(H - 12, sy));
    const box = [sx - labelWidth[k] / 2 - 4, sy - 10, sx + labelWidth[k] / 2 + 4, sy + 10];
    if (placed.some(b => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    placed.push(box);
    octx.lineWidth = 3.5;
    octx.strokeStyle = 'rgba(15,16,20,0.9)';
    octx.strokeText(labelText[k], sx, sy);
    octx.fillStyle = '#ffffff';
    octx.fillText(labelText[k], sx, sy);
  }
}

function ring(i, colour) {
  if (i < 0) return;
  const r = radiusOf(LEVEL[i], baseRadius()) + 4;
  octx.beginPath();
  octx.arc(toScreenX(X[i]), toScreenY(Y[i]), r, 0, 2 * Math.PI);
  octx.lineWidth = 2;
  octx.strokeStyle = colour;
  octx.stroke();
}

function drawOverlay() {
  octx.setTransform(DPR, 0, 0, DPR, 0, 0);
  octx.clearRect(0, 0, W, H);
  if (showLabels) drawLabels();
  ring(pinnedIndex, ACCENT);
  ring(hoverIndex, '#ffffff');
}

// ---- scheduling -----------------------------------------------------------------------------------

const dirty = { points: false, fast: false, overlay: false };
let frameRequest = 0, idleTimer = 0;

function schedule() {
  if (!frameRequest) frameRequest = requestAnimationFrame(frame);
}

function frame() {
  frameRequest = 0;
  if (dirty.points) drawPoints();
  else if (dirty.fast) drawFast();
  if (dirty.points || dirty.fast || dirty.overlay) drawOverlay();
  dirty.points = dirty.fast = dirty.overlay = false;
}

function redrawAll() {
  dirty.points = dirty.overlay = true;
  schedule();
}

function redrawOverlay() {
  dirty.overlay = true;
  schedule();
}

/** After the view moved: a full redraw if drawing is fast, else the snapshot now and a full one soon. */
function viewChanged() {
  // Moderately slow maps also refresh fully every 400 ms during a gesture; very slow ones wait for a pause.
  if (snapValid && (lastPointsMs > 50 || performance.now() - lastFullAt < 400)) {
    dirty.fast = true;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(redrawAll, 150);
  } else {
    dirty.points = true;
  }
  dirty.overlay = true;
  schedule();
}

// ---- moving the view ------------------------------------------------------------------------------

const MIN_ZOOM = 0.25, MAX_ZOOM = 5000;
let animation = 0;

function zoomAt(mx, my, factor) {
  const wx = toWorldX(mx), wy = toWorldY(my);
  view.s = Math.max(fitScale * MIN_ZOOM, Math.min(fitScale * MAX_ZOOM, view.s * factor));
  view.cx = wx - (mx - W / 2) / view.s;
  view.cy = wy + (my - H / 2) / view.s;
  viewChanged();
}

function panBy(dx, dy) {
  view.cx -= dx / view.s;
  view.cy += dy / view.s;
  viewChanged();
}

function stopAnimation() {
  if (animation) cancelAnimationFrame(animation);
  animation = 0;
}

/**
 * Moves the view to centre (tx, ty) at scale ts. When the scale changes the motion is a zoom about the
 * one fixed point that lands on the target, which reads as a single smooth gesture.
 */
function flyTo(tx, ty, ts) {
  stopAnimation();
  const from = { cx: view.cx, cy: view.cy, s: view.s };
  const r = from.s / ts;
  const anchored = Math.abs(Math.log(r)) > 0.05;
  const fx = anchored ? (tx - from.cx * r) / (1 - r) : 0;
  const fy = anchored ? (ty - from.cy * r) / (1 - r) : 0;
  const place = e => {
    view.s = from.s * Math.pow(ts / from.s, e);
    const q = from.s / view.s;
    view.cx = anchored ? fx + (from.cx - fx) * q : from.cx + (tx - from.cx) * e;
    view.cy = anchored ? fy + (from.cy - fy) * q : from.cy + (ty - from.cy) * e;
    viewChanged();
  };
  if (reducedMotion) {
    place(1);
    return;
  }
  const t0 = performance.now();
  const step = now => {
    const t = Math.min(1, (now - t0) / 700);
    place(t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);
    animation = t < 1 ? requestAnimationFrame(step) : 0;
    if (!animation) redrawAll();
  };
  animation = requestAnimationFrame(step);
}

function flyToPoint(i) {
  flyTo(X[i], Y[i], Math.min(fitScale * MAX_ZOOM, Math.max(view.s, fitScale * 8)));
}

/** The visible point under screen position (mx, my), or -1. */
function hitAt(mx, my) {
  const r = radiusOf(SIZE_LEVELS - 1, baseRadius()) + 3;
  return nearest(toWorldX(mx), toWorldY(my), r / view.s);
}
