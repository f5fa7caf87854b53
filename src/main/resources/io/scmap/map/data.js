// data.js: unpacks the embedded atlas: a small JSON part, and binary columns gzip'ed and base64'd,
// read as typed arrays; strings are cut from one decoded text. Artist strings stay data: the page
// only ever sets them as text.

const $ = id => document.getElementById(id);
const META = JSON.parse($('meta').textContent);
const N = META.count;
const SCENES = META.scenes;
const SCENE_OF = new Map(SCENES.map((s, k) => [s.cluster, k]));
const UNKNOWN_COLOUR = META.noiseColour;
const SOUNDCLOUD = 'https://soundcloud.com/';
const TYPED = {
  f32: Float32Array, f64: Float64Array, i8: Int8Array, u8: Uint8Array, i16: Int16Array,
  u16: Uint16Array, i32: Int32Array, u32: Uint32Array, utf8: Uint8Array,
};

// Filled by unpack(): columns indexed by point (in the payload's order, which is spatial).
let X, Y, FOLLOWERS, EMERGE, GEN, CLUSTER, NB_START, NB, PERMALINK, NAME;
// Points in drawing order (least followed first, so that well-known artists stay on top) and back.
let ORDER, RANK;
let BOUNDS = { x0: -1, x1: 1, y0: -1, y1: 1 };

function base64Bytes(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Strings concatenated in one text, cut by their UTF-16 lengths on demand. */
function stringColumn(bytes, lengths) {
  const text = new TextDecoder().decode(bytes);
  const start = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) start[i + 1] = start[i] + lengths[i];
  return { get: i => text.substring(start[i], start[i + 1]) };
}

/** A column of n elements of type T from its byte planes (all first bytes, then all second bytes, ...). */
function unshuffle(planes, T, n) {
  const size = T.BYTES_PER_ELEMENT;
  if (size === 1) return new T(planes.buffer, planes.byteOffset, n);
  const bytes = new Uint8Array(n * size);
  for (let b = 0; b < size; b++) {
    const plane = planes.subarray(b * n, (b + 1) * n);
    for (let i = 0, o = b; i < n; i++, o += size) bytes[o] = plane[i];
  }
  return new T(bytes.buffer);
}

/** Decodes the payload into the columns; the gzip is undone by the browser's DecompressionStream. */
async function unpack() {
  const holder = $('data');
  const zipped = base64Bytes(holder.textContent.trim());
  holder.remove();
  const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  const buffer = await new Response(stream).arrayBuffer();
  const col = {};
  let at = 0;
  for (const c of META.columns) {
    const T = TYPED[c.type];
    col[c.name] = unshuffle(new Uint8Array(buffer, at, c.length * T.BYTES_PER_ELEMENT), T, c.length);
    at = Math.ceil((at + c.length * T.BYTES_PER_ELEMENT) / 8) * 8;
  }
  X = col.x;
  Y = col.y;
  FOLLOWERS = col.followers;
  EMERGE = col.emergeDay;
  GEN = col.generation;
  CLUSTER = col.cluster;
  NB = col.neighborOffset;
  NB_START = new Uint32Array(N + 1);
  for (let i = 0; i < N; i++) NB_START[i + 1] = NB_START[i] + col.neighborCount[i];
  PERMALINK = stringColumn(col.permalink, col.permalinkLength);
  NAME = stringColumn(col.name, col.nameLength);
  BOUNDS = bounds();
  drawingOrder();
}

function bounds() {
  if (N === 0) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < N; i++) {
    if (X[i] < x0) x0 = X[i];
    if (X[i] > x1) x1 = X[i];
    if (Y[i] < y0) y0 = Y[i];
    if (Y[i] > y1) y1 = Y[i];
  }
  return { x0, x1, y0, y1 };
}

// Sorting numbers is several times faster than sorting indices with a comparator, so each point
// becomes one float: its rounded log-followers above, its index below (exact up to 4M points).
function drawingOrder() {
  const SHIFT = 4194304;
  const keys = new Float64Array(N);
  for (let i = 0; i < N; i++) keys[i] = Math.round(Math.log2(2 + FOLLOWERS[i]) * 64) * SHIFT + i;
  keys.sort();
  ORDER = new Uint32Array(N);
  RANK = new Uint32Array(N);
  for (let k = 0; k < N; k++) {
    ORDER[k] = keys[k] % SHIFT;
    RANK[ORDER[k]] = k;
  }
}

// Explicit bidirectional overrides and isolates are dropped from displayed text: a name such as
// "\u202Egnp.exe" would otherwise show as "exe.png". Names keep their letters, so RTL text still reads right.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function display(text) {
  return text.replace(BIDI_CONTROLS, '');
}

function nameOf(i) {
  return display(NAME.get(i)) || PERMALINK.get(i);
}

function urlOf(i) {
  return SOUNDCLOUD + encodeURIComponent(PERMALINK.get(i));
}

function neighboursOf(i) {
  return Array.from(NB.subarray(NB_START[i], NB_START[i + 1]), d => i + d);
}

function emergeText(i) {
  const d = EMERGE[i];
  return d === META.noDate ? '' : new Date(d * 86400000).toISOString().slice(0, 10);
}

function sceneLabelOf(i) {
  const k = SCENE_OF.get(CLUSTER[i]);
  return k === undefined ? 'unclustered' : display(SCENES[k].label);
}

function generationLabelOf(i) {
  return GEN[i] < 0 ? 'unknown' : META.generations[GEN[i]].label;
}
