// data.js: the embedded atlas, the colour modes with their legend groups, and a spatial grid for
// hit-testing. Every artist string stays data: it is only ever set with textContent.

const DATA = JSON.parse(document.getElementById('data').textContent);
const PTS = DATA.points;
const N = PTS.x.length;
const X = Float64Array.from(PTS.x);
const Y = Float64Array.from(PTS.y);
const FOLLOWERS = PTS.followers;
const SCENES = DATA.scenes;
const SCENE_OF = new Map(SCENES.map((s, k) => [s.cluster, k]));
const UNKNOWN_COLOUR = DATA.noiseColour;

// Dots grow a little with followers, in five steps of 1.5 decades.
const SIZE_LEVELS = 5;
const LEVEL = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  const f = FOLLOWERS[i];
  LEVEL[i] = f <= 0 ? 0 : Math.min(SIZE_LEVELS - 1, Math.floor(Math.log10(1 + f) / 1.5));
}

// Least followed drawn first, so that well-known artists stay on top.
const ORDER = new Uint32Array(N);
for (let i = 0; i < N; i++) ORDER[i] = i;
ORDER.sort((a, b) => FOLLOWERS[a] - FOLLOWERS[b] || a - b);

const BOUNDS = (() => {
  if (N === 0) return { x0: -1, x1: 1, y0: -1, y1: 1 };
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < N; i++) {
    if (X[i] < x0) x0 = X[i];
    if (X[i] > x1) x1 = X[i];
    if (Y[i] < y0) y0 = Y[i];
    if (Y[i] > y1) y1 = Y[i];
  }
  return { x0, x1, y0, y1 };
})();

// Explicit bidirectional overrides and isolates are dropped from displayed text: a name such as
// "\u202Egnp.exe" would otherwise show as "exe.png". Names keep their letters, so RTL text still reads right.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function display(text) {
  return text.replace(BIDI_CONTROLS, '');
}

function nameOf(i) {
  return display(PTS.name[i]) || PTS.permalink[i];
}

// ---- colour modes -------------------------------------------------------------------------------

function hexToRgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

// Viridis stops: readable on the dark background and distinct from the plasma generations.
const RAMP = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'].map(hexToRgb);

function ramp(t) {
  const x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - k;
  const c = RAMP[k].map((v, j) => Math.round(v + (RAMP[k + 1][j] - v) * f));
  return '#' + c.map(v => v.toString(16).padStart(2, '0')).join('');
}

/**
 * A colour mode: legend groups (label, colour, count), each point's group and colour index, the colour
 * table, which groups are hidden, and the order of legend entries.
 */
function makeMode(name, groups, groupOf, colours, colourOf, legendOrder, hint) {
  const group = new Uint16Array(N);
  const colour = new Uint16Array(N);
  for (let i = 0; i < N; i++) {
    group[i] = groupOf(i);
    colour[i] = colourOf(i);
    groups[group[i]].count++;
  }
  const order = legendOrder ? legendOrder(groups) : groups.map((g, k) => k);
  return { name, groups, group, colours, colour, hidden: new Uint8Array(groups.length), order, hint };
}

function generationMode() {
  const groups = DATA.generations.map(g => ({ label: g.label, colour: g.colour, count: 0 }));
  const unknown = groups.length;
  groups.push({ label: 'unknown', colour: UNKNOWN_COLOUR, count: 0 });
  const of = i => (PTS.generation[i] < 0 ? unknown : PTS.generation[i]);
  return makeMode('generation', groups, of, groups.map(g => g.colour), of, null,
    'Press a generation to hide or show it: this is the generation filter.');
}

function sceneMode() {
  const groups = SCENES.map(s => ({ label: display(s.label), colour: s.colour, count: 0 }));
  const noise = groups.length;
  groups.push({ label: 'unclustered', colour: UNKNOWN_COLOUR, count: 0 });
  const of = i => {
    const k = SCENE_OF.get(PTS.cluster[i]);
    return k === undefined ? noise : k;
  };
  const bySize = gs => gs.map((g, k) => k).sort((a, b) =>
    (a === noise) - (b === noise) || gs[b].count - gs[a].count || a - b);
  return makeMode('scene', groups, of, groups.map(g => g.colour), of, bySize,
    'Scenes found by clustering, largest first. Press one to hide or show it.');
}

function followersMode() {
  const labels = ['< 100', '100 – 1k', '1k – 10k', '10k – 100k', '100k – 1M', '≥ 1M'];
  const groups = labels.map((label, b) => ({ label, colour: ramp((b + 1.5) / 7), count: 0 }));
  const unknown = groups.length;
  groups.push({ label: 'unknown', colour: UNKNOWN_COLOUR, count: 0 });
  const levels = 24;
  const colours = [];
  for (let k = 0; k < levels; k++) colours.push(ramp(k / (levels - 1)));
  colours.push(UNKNOWN_COLOUR);
  const bin = i => {
    const f = FOLLOWERS[i];
    return f < 0 ? unknown : Math.max(0, Math.min(5, Math.floor(Math.log10(Math.max(f, 1))) - 1));
  };
  const shade = i => {
    const f = FOLLOWERS[i];
    return f < 0 ? levels : Math.round(Math.min(1, Math.log10(1 + f) / 7) * (levels - 1));
  };
  return makeMode('followers', groups, bin, colours, shade, null,
    'Followers on a log scale. Press a range to hide or show it.');
}

const MODE_MAKERS = { generation: generationMode, scene: sceneMode, followers: followersMode };
const modes = {};
let modeName = 'generation';

function currentMode() {
  if (!modes[modeName]) modes[modeName] = MODE_MAKERS[modeName]();
  return modes[modeName];
}

function isHidden(i) {
  const m = currentMode();
  return m.hidden[m.group[i]] === 1;
}

// ---- spatial grid ---------------------------------------------------------------------------------

// Points bucketed into square world-space cells (about four per cell) with a counting sort, so that a
// hover looks at a few cells instead of every point.
const GRID = (() => {
  const g = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(N / 4))));
  const w = BOUNDS.x1 - BOUNDS.x0;
  const h = BOUNDS.y1 - BOUNDS.y0;
  const cell = Math.max(w, h, 1e-9) / g;
  const gx = Math.floor(w / cell) + 1;
  const gy = Math.floor(h / cell) + 1;
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
  return { cell, gx, gy, start, items };
})();

/** The visible point nearest to world (wx, wy) within world radius wr, or -1. */
function nearest(wx, wy, wr) {
  const { cell, gx, gy, start, items } = GRID;
  const clampX = v => Math.max(0, Math.min(gx - 1, Math.floor((v - BOUNDS.x0) / cell)));
  const clampY = v => Math.max(0, Math.min(gy - 1, Math.floor((v - BOUNDS.y0) / cell)));
  const ax = clampX(wx - wr), bx = clampX(wx + wr), ay = clampY(wy - wr), by = clampY(wy + wr);
  if ((bx - ax + 1) * (by - ay + 1) > 10000) return -1;
  const m = currentMode();
  let best = -1;
  let bestD = wr * wr;
  for (let cy = ay; cy <= by; cy++) {
    for (let cx = ax; cx <= bx; cx++) {
      const c = cx + gx * cy;
      for (let k = start[c]; k < start[c + 1]; k++) {
        const i = items[k];
        if (m.hidden[m.group[i]]) continue;
        const dx = X[i] - wx, dy = Y[i] - wy;
        const d = dx * dx + dy * dy;
        if (d < bestD || (d === bestD && best >= 0 && FOLLOWERS[i] > FOLLOWERS[best])) {
          best = i;
          bestD = d;
        }
      }
    }
  }
  return best;
}
