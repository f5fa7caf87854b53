// look.js: the sigma.js renderer and what it shows: scenes hidden from the legend, and the focus (the
// hovered artist, else the selected one) lit with its neighbours and their ties while the rest dims.

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const DIM_NODE = '#33363f';
// Forced labels for the focus's neighbours only when there are few enough to read.
const MAX_FORCED_LABELS = 40;
let renderer = null;
let focus = -1, hoverIndex = -1, pinnedIndex = -1;
let litNodes = null, litEdges = null;
// One flag per legend group: the scenes in order, then the unclustered.
const hiddenGroup = new Uint8Array(SCENES.length + 1);
let visibleCount = 0;

// sigma blends with premultiplied alpha (ONE, ONE_MINUS_SRC_ALPHA), so translucent colours are given
// premultiplied. Sparse graphs get more opaque edges than dense ones, which would otherwise be a fog.
function premultiplied(r, g, b, a) {
  return 'rgba(' + Math.round(r * a) + ',' + Math.round(g * a) + ',' + Math.round(b * a) + ',' + a.toFixed(3) + ')';
}

function edgeColours(edges) {
  const alpha = Math.min(0.45, Math.max(0.05, 12 / Math.sqrt(Math.max(1, edges))));
  return { base: premultiplied(160, 172, 196, alpha), lit: premultiplied(236, 238, 244, 0.7) };
}

function nodeReducer(key, data) {
  if (litNodes === null) return data;
  const i = Number(key);
  if (i === focus) return Object.assign(data, { highlighted: true, zIndex: 2 });
  if (litNodes.has(i)) return Object.assign(data, { zIndex: 1, forceLabel: litNodes.size <= MAX_FORCED_LABELS });
  return Object.assign(data, { color: DIM_NODE, label: '', zIndex: 0 });
}

function edgeReducerFor(colours) {
  return (key, data) => {
    if (litEdges === null) return data;
    if (litEdges.has(key)) return Object.assign(data, { color: colours.lit, zIndex: 1 });
    return Object.assign(data, { hidden: true });
  };
}

/** A dark label box with the node's name beside a ring, for the hovered or selected node; text only. */
function drawHover(context, data, settings) {
  const size = settings.labelSize;
  context.font = settings.labelWeight + ' ' + size + 'px ' + settings.labelFont;
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.lineWidth = 2;
  context.strokeStyle = '#ffffff';
  context.stroke();
  if (!data.label) return;
  const w = context.measureText(data.label).width;
  const x = data.x + data.size + 6, y = data.y;
  context.fillStyle = 'rgba(16, 18, 23, 0.92)';
  context.fillRect(x - 3, y - size / 2 - 4, w + 6, size + 8);
  context.fillStyle = '#ffffff';
  context.fillText(data.label, x, y + size / 3);
}

function createRenderer() {
  const colours = edgeColours(graph.size);
  renderer = new Sigma(graph, $('graph'), {
    defaultEdgeType: 'line',
    edgeProgramClasses: { line: Sigma.rendering.EdgeLineProgram },
    defaultEdgeColor: colours.base,
    hideEdgesOnMove: true,
    hideLabelsOnMove: N > 5000,
    labelRenderedSizeThreshold: 8,
    labelDensity: 0.7,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#e4e6ec' },
    defaultDrawNodeHover: drawHover,
    zIndex: true,
    stagePadding: 24,
    minCameraRatio: 0.005,
    maxCameraRatio: 4,
    nodeReducer,
    edgeReducer: edgeReducerFor(colours),
  });
}

/** Lights artist i, its neighbours and its ties, dimming the rest; -1 lights everything. */
function setFocus(i) {
  if (i === focus) return;
  focus = i;
  if (i < 0) {
    litNodes = litEdges = null;
  } else {
    const key = String(i);
    litNodes = new Set([i]);
    graph.forEachNeighbor(key, n => litNodes.add(Number(n)));
    litEdges = new Set(graph.edges(key));
  }
  renderer.refresh();
}

/** The focus follows the pointer, and falls back to the selected artist. */
function updateFocus() {
  setFocus(hoverIndex >= 0 ? hoverIndex : pinnedIndex);
}

function isVisible(i) {
  return !hiddenGroup[groupOf(i)];
}

/** Applies the legend: the graph's hidden attribute, then one full refresh (ties of hidden artists hide too). */
function applyGroups() {
  visibleCount = 0;
  graph.updateEachNodeAttributes((key, attr) => {
    attr.hidden = !isVisible(Number(key));
    visibleCount += attr.hidden ? 0 : 1;
    return attr;
  }, { attributes: ['hidden'] });
  if (hoverIndex >= 0 && !isVisible(hoverIndex)) hoverIndex = -1;
  if (pinnedIndex >= 0 && !isVisible(pinnedIndex)) unpin();
  focus = -2;
  updateFocus();
}

/** Centres the camera on artist i, zooming in when the view is wider than a neighbourhood. */
function centreOn(i) {
  const at = renderer.getNodeDisplayData(String(i));
  if (!at) return;
  const camera = renderer.getCamera();
  const state = { x: at.x, y: at.y, ratio: Math.min(camera.ratio, 0.3) };
  if (reducedMotion) camera.setState(state);
  else camera.animate(state, { duration: 450 });
}

/** Shows the whole graph. */
function fitGraph() {
  const camera = renderer.getCamera();
  if (reducedMotion) camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  else camera.animatedReset({ duration: 300 });
}
