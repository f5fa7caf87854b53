// labels.js: scene names on the map. Placed greedily, largest scene first: a label is shown only if
// its box overlaps no label already placed and no panel. The font grows with zoom (and a little with
// scene size), so labels scale with the map; as one zooms in, room opens up for smaller scenes.

const labelLayer = $('labels');
let labelsOn = true, labelFrame = 0;
let labelEls = [];
const labelOrder = SCENES.map((s, k) => k).sort((a, b) => SCENES[b].size - SCENES[a].size || a - b);
const measure = document.createElement('canvas').getContext('2d');
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

function labelText(k) {
  const t = display(SCENES[k].label);
  return t.length > 40 ? t.slice(0, 39) + '…' : t;
}

function buildLabels() {
  labelLayer.textContent = '';
  labelEls = SCENES.map((s, k) => {
    const span = document.createElement('span');
    span.className = 'scene-label';
    span.textContent = labelText(k);
    span.dataset.scene = String(s.cluster);
    span.hidden = true;
    labelLayer.append(span);
    return span;
  });
}

function placeLabelsSoon() {
  if (!labelFrame) labelFrame = requestAnimationFrame(placeLabels);
}

/** Screen boxes that labels must stay clear of: the panels floating over the map. */
function blockedBoxes() {
  return ['panel', 'card', 'selection'].map($).filter(e => e && !e.hidden && e.offsetWidth > 0).map(e => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  });
}

function overlaps(a, b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function placeLabels() {
  labelFrame = 0;
  const m = currentMode();
  const zoomGain = Math.max(0, viewState.zoom - fitZoom);
  const largest = SCENES.reduce((a, s) => Math.max(a, s.size), 1);
  const placed = blockedBoxes();
  for (const k of labelOrder) {
    const span = labelEls[k];
    const hiddenScene = m.name === 'scene' && m.hidden[k] === 1;
    const [sx, sy] = toScreen(SCENES[k].x, SCENES[k].y);
    if (!labelsOn || hiddenScene || sx < 0 || sy < 0 || sx > innerWidth || sy > innerHeight) {
      span.hidden = true;
      continue;
    }
    const px = Math.min(26, (11.5 + 2.5 * Math.sqrt(SCENES[k].size / largest)) * Math.pow(1.18, zoomGain));
    measure.font = '600 ' + px + 'px ' + LABEL_FONT;
    const w = measure.measureText(span.textContent).width + 8, h = px * 1.35;
    const box = [sx - w / 2, sy - h / 2, sx + w / 2, sy + h / 2];
    if (box[0] < 2 || box[2] > innerWidth - 2 || box[1] < 2 || box[3] > innerHeight - 2
      || placed.some(b => overlaps(box, b))) {
      span.hidden = true;
      continue;
    }
    placed.push(box);
    span.hidden = false;
    span.style.fontSize = px + 'px';
    span.style.transform = 'translate(' + box[0].toFixed(1) + 'px,' + box[1].toFixed(1) + 'px)';
    span.style.width = w + 'px';
    span.style.lineHeight = h + 'px';
  }
}
