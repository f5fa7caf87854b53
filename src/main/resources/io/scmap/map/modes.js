// modes.js: the colour modes (generation, scene, followers on a log scale) with their legend groups,
// the generation filter, and which points are visible. Buffers handed to WebGL are in drawing order.

function hexToRgb(hex) {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function rgbToHex(c) {
  return '#' + c.map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
}

// Viridis stops: readable on the dark background and distinct from the plasma generations.
const RAMP = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'].map(hexToRgb);

function ramp(t) {
  const x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - k;
  return RAMP[k].map((v, j) => v + (RAMP[k + 1][j] - v) * f);
}

const FOLLOWER_BINS = ['< 100', '100 – 1k', '1k – 10k', '10k – 100k', '100k – 1M', '≥ 1M'];
// Opaque dots up to 50,000 artists, then more and more translucent (0.43 at a million), so that
// overlapping dots add up to brightness instead of a solid carpet.
const ALPHA = Math.round(235 - 125 * Math.max(0, Math.min(1, Math.log10(Math.max(N, 1) / 50000) / 1.3)));
// Unclustered artists recede in scene colours, so that the scenes stand out.
const FAINT = 120;

/**
 * A colour mode: legend groups (label, colour, count), each point's group, the point colours (RGBA in
 * drawing order), which groups are hidden, and the order of legend entries.
 */
function makeMode(name, groups, groupOf, rgbOf, legendOrder, hint, faintGroup = -1) {
  const group = new Uint16Array(N);
  const rgba = new Uint8Array(4 * N);
  for (let k = 0; k < N; k++) {
    const i = ORDER[k];
    group[i] = groupOf(i);
    groups[group[i]].count++;
    const c = rgbOf(i, group[i]);
    rgba[4 * k] = c[0];
    rgba[4 * k + 1] = c[1];
    rgba[4 * k + 2] = c[2];
    rgba[4 * k + 3] = group[i] === faintGroup ? FAINT : ALPHA;
  }
  const order = legendOrder ? legendOrder(groups) : groups.map((g, k) => k);
  return { name, groups, group, rgba, hidden: new Uint8Array(groups.length), order, hint };
}

function generationMode() {
  const groups = META.generations.map(g => ({ label: g.label, colour: g.colour, count: 0 }));
  const unknown = groups.length;
  groups.push({ label: 'unknown', colour: UNKNOWN_COLOUR, count: 0 });
  const rgb = groups.map(g => hexToRgb(g.colour));
  return makeMode('generation', groups, i => (GEN[i] < 0 ? unknown : GEN[i]), (i, g) => rgb[g], null,
    'Generations by the year artists started uploading. Press one to hide or show it.');
}

function sceneMode() {
  const groups = SCENES.map(s => ({ label: display(s.label), colour: s.colour, count: 0 }));
  const noise = groups.length;
  groups.push({ label: 'unclustered', colour: UNKNOWN_COLOUR, count: 0 });
  const rgb = groups.map(g => hexToRgb(g.colour));
  const of = i => {
    const k = SCENE_OF.get(CLUSTER[i]);
    return k === undefined ? noise : k;
  };
  const bySize = gs => gs.map((g, k) => k).sort((a, b) =>
    (a === noise) - (b === noise) || gs[b].count - gs[a].count || a - b);
  return makeMode('scene', groups, of, (i, g) => rgb[g], bySize,
    'Scenes found by clustering, largest first. Press one to hide or show it.', noise);
}

function followersMode() {
  const groups = FOLLOWER_BINS.map((label, b) => ({ label, colour: rgbToHex(ramp((b + 1.5) / 7.5)), count: 0 }));
  const unknown = groups.length;
  groups.push({ label: 'unknown', colour: UNKNOWN_COLOUR, count: 0 });
  const grey = hexToRgb(UNKNOWN_COLOUR);
  const bin = i => {
    const f = FOLLOWERS[i];
    return f < 0 ? unknown : Math.max(0, Math.min(5, Math.floor(Math.log10(Math.max(f, 1))) - 1));
  };
  const shade = (i, g) => (g === unknown ? grey : ramp(Math.log10(1 + FOLLOWERS[i]) / 7.5));
  return makeMode('followers', groups, bin, shade, null,
    'Followers on a log scale, lighter is more. Press a range to hide or show it.');
}

const MODE_MAKERS = { generation: generationMode, scene: sceneMode, followers: followersMode };
const modes = {};
let modeName = 'generation';

function currentMode() {
  if (!modes[modeName]) modes[modeName] = MODE_MAKERS[modeName]();
  return modes[modeName];
}

// The generation filter: a range of eras, and whether artists of unknown era are shown.
const genFilter = { from: 0, to: META.generations.length - 1, unknown: true };

function generationAllowed(g) {
  return g < 0 ? genFilter.unknown : g >= genFilter.from && g <= genFilter.to;
}

// 1 for a shown point, 0 for a hidden one, in drawing order: the GPU filter reads it.
let VISIBLE = new Float32Array(0);
let visibleCount = 0;
let visibleVersion = 0;

function isVisible(i) {
  return VISIBLE[RANK[i]] === 1;
}

function updateVisibility() {
  const m = currentMode();
  const allowed = new Uint8Array(META.generations.length + 1);
  for (let g = -1; g < META.generations.length; g++) allowed[g + 1] = generationAllowed(g) ? 1 : 0;
  // A fresh buffer each time, so that deck.gl sees new data rather than the same array changed.
  VISIBLE = new Float32Array(N);
  let shown = 0;
  for (let k = 0; k < N; k++) {
    const i = ORDER[k];
    const v = m.hidden[m.group[i]] === 0 && allowed[GEN[i] + 1] === 1 ? 1 : 0;
    VISIBLE[k] = v;
    shown += v;
  }
  visibleCount = shown;
  visibleVersion++;
}

/** Makes point i visible: shows its legend group and widens the generation filter to its era. */
function reveal(i) {
  const m = currentMode();
  if (isVisible(i)) return false;
  m.hidden[m.group[i]] = 0;
  const g = GEN[i];
  if (g < 0) genFilter.unknown = true;
  else {
    genFilter.from = Math.min(genFilter.from, g);
    genFilter.to = Math.max(genFilter.to, g);
  }
  return true;
}
