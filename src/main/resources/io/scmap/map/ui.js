// ui.js: hover and pinned cards, legend, and the pointer, wheel and keyboard controls of the map.
// Text from the data is only ever set with textContent.

const $ = id => document.getElementById(id);
const numberFormat = new Intl.NumberFormat();
const SOUNDCLOUD = 'https://soundcloud.com/';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function openSoundCloud(i) {
  window.open(SOUNDCLOUD + encodeURIComponent(PTS.permalink[i]), '_blank', 'noopener');
}

// ---- cards ----------------------------------------------------------------------------------------

/** Fills box with artist i's card; an interactive card has buttons for neighbours and actions. */
function fillCard(box, i, interactive) {
  box.textContent = '';
  box.append(el('h2', null, nameOf(i)), el('p', 'perm', 'soundcloud.com/' + PTS.permalink[i]));
  const dl = el('dl');
  const row = (term, value) => dl.append(el('dt', null, term), el('dd', null, value));
  const f = FOLLOWERS[i];
  row('followers', f < 0 ? 'unknown' : numberFormat.format(f));
  const g = PTS.generation[i];
  const since = PTS.emergeDate[i] ? ' (since ' + PTS.emergeDate[i] + ')' : '';
  row('generation', (g < 0 ? 'unknown' : DATA.generations[g].label) + since);
  const k = SCENE_OF.get(PTS.cluster[i]);
  row('scene', k === undefined ? 'unclustered' : display(SCENES[k].label));
  box.append(dl);
  const near = PTS.neighbors[i].slice(0, 5);
  if (near.length > 0) {
    box.append(el('p', 'sub', 'Nearest on the map'));
    const ol = el('ol');
    for (const j of near) {
      const li = el('li');
      if (interactive) {
        const b = el('button', null, nameOf(j));
        b.type = 'button';
        b.addEventListener('click', () => select(j));
        li.append(b);
      } else {
        li.textContent = nameOf(j);
      }
      ol.append(li);
    }
    box.append(ol);
  }
  if (interactive) {
    const actions = el('div', 'actions');
    const open = el('button', null, 'Open on SoundCloud');
    open.type = 'button';
    open.addEventListener('click', () => openSoundCloud(i));
    const close = el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close card');
    close.addEventListener('click', unpin);
    actions.append(open);
    box.append(actions, close);
  }
}

const tip = $('tip');
const card = $('card');

function showTip(i, mx, my) {
  if (tip.dataset.index !== String(i)) {
    fillCard(tip, i, false);
    tip.dataset.index = String(i);
  }
  tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = (mx + 16 + w > W ? Math.max(0, mx - 16 - w) : mx + 16) + 'px';
  tip.style.top = (my + 16 + h > H ? Math.max(0, my - 16 - h) : my + 16) + 'px';
}

function hideTip() {
  tip.hidden = true;
}

function pin(i) {
  pinnedIndex = i;
  fillCard(card, i, true);
  card.hidden = false;
  redrawOverlay();
}

function unpin() {
  pinnedIndex = -1;
  card.hidden = true;
  redrawOverlay();
}

/** Shows artist i: makes its group visible, flies to it and pins its card. */
function select(i) {
  const m = currentMode();
  if (m.hidden[m.group[i]]) {
    m.hidden[m.group[i]] = 0;
    renderLegend();
    redrawAll();
  }
  hideTip();
  flyToPoint(i);
  pin(i);
}

function setHover(i, mx, my) {
  if (i !== hoverIndex) {
    hoverIndex = i;
    canvas.classList.toggle('over', i >= 0);
    redrawOverlay();
  }
  if (i >= 0) showTip(i, mx, my);
  else hideTip();
}

// ---- legend ---------------------------------------------------------------------------------------

function updateStats() {
  const m = currentMode();
  let shown = 0;
  for (let k = 0; k < m.groups.length; k++) if (!m.hidden[k]) shown += m.groups[k].count;
  const parts = [numberFormat.format(N) + ' artists', numberFormat.format(SCENES.length) + ' scenes'];
  if (shown < N) parts.push(numberFormat.format(shown) + ' shown');
  $('stats').textContent = N === 0 ? 'No artists in this map.' : parts.join(' · ');
}

function renderLegend() {
  const m = currentMode();
  const list = $('legend');
  list.textContent = '';
  $('legend-hint').textContent = m.hint;
  for (const k of m.order) {
    const g = m.groups[k];
    if (g.count === 0) continue;
    const b = el('button');
    b.type = 'button';
    b.setAttribute('aria-pressed', m.hidden[k] ? 'false' : 'true');
    const swatch = el('span', 'swatch');
    swatch.style.background = g.colour;
    b.append(swatch, el('span', 'label', g.label), el('span', 'num', numberFormat.format(g.count)));
    b.title = g.label;
    b.addEventListener('click', () => {
      m.hidden[k] = m.hidden[k] ? 0 : 1;
      b.setAttribute('aria-pressed', m.hidden[k] ? 'false' : 'true');
      groupsChanged();
    });
    const li = el('li');
    li.append(b);
    list.append(li);
  }
  updateStats();
}

function groupsChanged() {
  hoverIndex = -1;
  hideTip();
  updateStats();
  redrawAll();
}

function setAllHidden(value) {
  currentMode().hidden.fill(value);
  renderLegend();
  groupsChanged();
}

// ---- pointer and keyboard -------------------------------------------------------------------------

let drag = null;

canvas.addEventListener('pointerdown', e => {
  if (e.button !== 0) return;
  canvas.setPointerCapture(e.pointerId);
  drag = { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY, moved: false };
  stopAnimation();
});

canvas.addEventListener('pointermove', e => {
  if (drag) {
    if (!drag.moved && Math.hypot(e.clientX - drag.x0, e.clientY - drag.y0) > 4) {
      drag.moved = true;
      canvas.classList.add('dragging');
      setHover(-1, 0, 0);
    }
    if (drag.moved) panBy(e.clientX - drag.x, e.clientY - drag.y);
    drag.x = e.clientX;
    drag.y = e.clientY;
    return;
  }
  setHover(hitAt(e.clientX, e.clientY), e.clientX, e.clientY);
});

canvas.addEventListener('pointerup', e => {
  const d = drag;
  drag = null;
  canvas.classList.remove('dragging');
  if (!d || d.moved) return;
  const i = hitAt(e.clientX, e.clientY);
  if (i >= 0) {
    pin(i);
    openSoundCloud(i);
  } else {
    unpin();
  }
});

canvas.addEventListener('pointercancel', () => {
  drag = null;
  canvas.classList.remove('dragging');
});

canvas.addEventListener('pointerleave', () => {
  if (!drag) setHover(-1, 0, 0);
});

canvas.addEventListener('wheel', e => {
  e.preventDefault();
  stopAnimation();
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? H : 1;
  zoomAt(e.clientX, e.clientY, Math.exp(-e.deltaY * unit * 0.0015));
  setHover(hitAt(e.clientX, e.clientY), e.clientX, e.clientY);
}, { passive: false });

canvas.addEventListener('keydown', e => {
  const step = Math.min(W, H) * 0.15;
  const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  if (moves[e.key]) {
    stopAnimation();
    panBy(moves[e.key][0], moves[e.key][1]);
  } else if (e.key === '+' || e.key === '=') {
    zoomAt(W / 2, H / 2, 1.4);
  } else if (e.key === '-' || e.key === '_') {
    zoomAt(W / 2, H / 2, 1 / 1.4);
  } else if (e.key === '0') {
    fit();
  } else {
    return;
  }
  e.preventDefault();
});

for (const radio of document.querySelectorAll('input[name=mode]')) {
  radio.addEventListener('change', () => {
    modeName = radio.value;
    renderLegend();
    groupsChanged();
  });
}
$('show-all').addEventListener('click', () => setAllHidden(0));
$('hide-all').addEventListener('click', () => setAllHidden(1));
$('labels').addEventListener('change', e => {
  showLabels = e.target.checked;
  redrawOverlay();
});
window.addEventListener('resize', resize);
