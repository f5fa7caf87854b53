// look.js: the sigma.js renderer and what it shows: scenes hidden from the legend, and the focus (the
// hovered artist, else the selected one) lit with its neighbours and their ties while the rest dims.

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const DIM_NODE = '#33363f';
// The focus's neighbours are named only when there are few enough to read.
const MAX_FORCED_LABELS = 40;
let renderer = null;
let focus = -1, hoverIndex = -1, pinnedIndex = -1;
let litNodes = null;
// One flag per legend group: the scenes in order, then the unclustered.
const hiddenGroup = new Uint8Array(SCENES.length + 1);
let visibleCount = 0;

// sigma blends with premultiplied alpha (ONE, ONE_MINUS_SRC_ALPHA), so translucent colours are given
// premultiplied. Sparse graphs get more opaque edges than dense ones, which would otherwise be a fog.
function premultiplied(r, g, b, a) {
  return 'rgba(' + Math.round(r * a) + ',' + Math.round(g * a) + ',' + Math.round(b * a) + ',' + a.toFixed(3) + ')';
}

function edgeColour(edges) {
  return premultiplied(160, 172, 196, Math.min(0.45, Math.max(0.05, 12 / Math.sqrt(Math.max(1, edges)))));
}

// While an artist has the focus, its neighbours are drawn highlighted (on sigma's hover layers, above
// the rest) and everyone else dims; its ties are drawn on a canvas of their own and the layer of all
// ties stays empty. Only the artists whose look changes are processed again, never the 100,000 ties,
// and no frame draws them, so a hover stays cheap at any graph size.
function nodeReducer(key, data) {
  if (litNodes === null) return data;
  const i = Number(key);
  if (litNodes.has(i)) return Object.assign(data, { highlighted: true });
  return Object.assign(data, { color: DIM_NODE, label: '' });
}

/** The focus gets a ring and its name in a box; its neighbours their names, when few enough to read. */
function drawHover(context, data, settings) {
  const size = settings.labelSize;
  const isFocus = Number(data.key) === focus;
  if (!isFocus && (!litNodes || litNodes.size > MAX_FORCED_LABELS)) return;
  context.font = settings.labelWeight + ' ' + size + 'px ' + settings.labelFont;
  const x = data.x + data.size + (isFocus ? 6 : 3), y = data.y;
  if (isFocus) {
    context.beginPath();
    context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    context.lineWidth = 2;
    context.strokeStyle = '#ffffff';
    context.stroke();
    if (data.label) {
      context.fillStyle = 'rgba(16, 18, 23, 0.92)';
      context.fillRect(x - 3, y - size / 2 - 4, context.measureText(data.label).width + 6, size + 8);
    }
  }
  if (!data.label) return;
  context.fillStyle = isFocus ? '#ffffff' : settings.labelColor.color;
  context.fillText(data.label, x, y + size / 3);
}

/** sigma's one-pixel line program, drawing nothing while an artist has the focus. */
function tieProgram() {
  return class extends Sigma.rendering.EdgeLineProgram {
    render(params) {
      if (litNodes === null) super.render(params);
    }
  };
}

function createRenderer() {
  renderer = new Sigma(graph, $('graph'), {
    defaultEdgeType: 'line',
    edgeProgramClasses: { line: tieProgram() },
    // Artists as point sprites, one vertex each: in a software renderer a frame of 10,000 artists takes a
    // tenth of the time of sigma's triangle circles. A GPU may cap a sprite's size (64 pixels at least).
    nodeProgramClasses: { circle: Sigma.rendering.NodePointProgram },
    defaultEdgeColor: edgeColour(graph.size),
    hideEdgesOnMove: true,
    hideLabelsOnMove: N > 5000,
    labelRenderedSizeThreshold: 8,
    labelDensity: 0.7,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#e4e6ec' },
    defaultDrawNodeHover: drawHover,
    stagePadding: 24,
    minCameraRatio: 0.005,
    maxCameraRatio: 4,
    nodeReducer,
  });
  renderer.createCanvasContext('ties', { afterLayer: 'edges' });
  renderer.resize(true);
  renderer.on('afterRender', drawTies);
  renderer.refresh();
}

/** Draws the focus's ties to its visible neighbours; the layer of all ties is empty meanwhile. */
function drawTies() {
  const canvas = renderer.getCanvases().ties;
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (litNodes === null) return;
  const from = renderer.framedGraphToViewport(renderer.getNodeDisplayData(String(focus)));
  context.beginPath();
  for (const j of litNodes) {
    const d = renderer.getNodeDisplayData(String(j));
    if (j === focus || d.hidden) continue;
    const to = renderer.framedGraphToViewport(d);
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
  }
  context.lineWidth = 1;
  context.strokeStyle = 'rgba(236, 238, 244, 0.7)';
  context.stroke();
}

/** Lights artist i, its neighbours and its ties, dimming the rest; -1 lights everything. */
function setFocus(i) {
  if (i === focus) return;
  const before = litNodes;
  focus = i;
  litNodes = null;
  if (i >= 0) {
    litNodes = new Set([i]);
    graph.forEachNeighbor(String(i), n => litNodes.add(Number(n)));
  }
  const changed = before !== null && litNodes !== null ? [...before, ...litNodes].map(String) : graph.nodes();
  renderer.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
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
  updateFocus();
  // sigma processes only the artists again when an attribute changes; the ties of hidden artists
  // hide only when the ties are processed too.
  renderer.refresh();
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
