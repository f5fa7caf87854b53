// select.js: lasso selection (the lasso button, or Shift + drag) and "select view", listing the
// selected artists as links to their SoundCloud pages, most followed first.

const lassoCanvas = $('lasso');
const lassoCtx = lassoCanvas.getContext('2d');
const selectionBox = $('selection');
const MAX_SELECTION_LISTED = 200;
let lassoMode = false, lassoPath = null;
let selectedList = [], selectedRings = [];
// Beyond this many, rings around selected artists would cover the map rather than mark anyone.
const MAX_RINGS = 20000;

function lassoActive() {
  return lassoMode || lassoPath !== null;
}

function setLassoMode(on) {
  lassoMode = on;
  $('lasso-on').setAttribute('aria-pressed', on ? 'true' : 'false');
  lassoCanvas.classList.toggle('active', on);
}

function drawLasso() {
  const dpr = window.devicePixelRatio || 1;
  if (lassoCanvas.width !== Math.round(innerWidth * dpr)) {
    lassoCanvas.width = Math.round(innerWidth * dpr);
    lassoCanvas.height = Math.round(innerHeight * dpr);
  }
  lassoCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
  lassoCtx.clearRect(0, 0, innerWidth, innerHeight);
  if (!lassoPath || lassoPath.length < 2) return;
  lassoCtx.beginPath();
  lassoPath.forEach(([x, y], k) => (k ? lassoCtx.lineTo(x, y) : lassoCtx.moveTo(x, y)));
  lassoCtx.closePath();
  lassoCtx.fillStyle = 'rgba(255, 138, 61, 0.12)';
  lassoCtx.fill();
  lassoCtx.setLineDash([6, 4]);
  lassoCtx.lineWidth = 1.5;
  lassoCtx.strokeStyle = 'rgba(255, 138, 61, 0.95)';
  lassoCtx.stroke();
}

/** Shown artists inside the polygon (world coordinates), by even-odd ray casting after a box test. */
function insidePolygon(poly) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of poly) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const hits = [];
  for (let i = 0; i < N; i++) {
    const px = X[i], py = Y[i];
    if (px < x0 || px > x1 || py < y0 || py > y1 || !isVisible(i)) continue;
    let inside = false;
    for (let a = 0, b = poly.length - 1; a < poly.length; b = a++) {
      const [ax, ay] = poly[a], [bx, by] = poly[b];
      if ((ay > py) !== (by > py) && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
    }
    if (inside) hits.push(i);
  }
  return hits;
}

function setSelection(hits, how) {
  hits.sort((a, b) => FOLLOWERS[b] - FOLLOWERS[a] || a - b);
  selectedList = hits;
  selectedRings = hits.slice(0, MAX_RINGS);
  selectionBox.textContent = '';
  selectionBox.hidden = false;
  const head = el('div', 'head');
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Clear selection');
  close.addEventListener('click', clearSelection);
  head.append(el('h2', null, numberFormat.format(hits.length) + (hits.length === 1 ? ' artist ' : ' artists ') + how), close);
  selectionBox.append(head);
  if (hits.length > MAX_SELECTION_LISTED) {
    selectionBox.append(el('p', 'muted', 'The ' + MAX_SELECTION_LISTED + ' most followed:'));
  }
  const ol = el('ol', 'picked');
  for (const i of hits.slice(0, MAX_SELECTION_LISTED)) {
    const li = el('li');
    const show = el('button', 'show', '◎');
    show.type = 'button';
    show.title = 'Show on the map';
    show.setAttribute('aria-label', 'Show ' + nameOf(i) + ' on the map');
    show.addEventListener('click', () => select(i));
    li.append(artistLink(i, nameOf(i)), el('span', 'num', followersText(i)), show);
    ol.append(li);
  }
  selectionBox.append(ol);
  $('stage').dataset.selected = String(hits.length);
  placeLabelsSoon();
  redraw();
}

function clearSelection() {
  selectedList = [];
  selectedRings = [];
  selectionBox.hidden = true;
  selectionBox.textContent = '';
  delete $('stage').dataset.selected;
  placeLabelsSoon();
  redraw();
}

/** Every shown artist within the current view: the keyboard's way to list an area. */
function selectView() {
  const [x0, y1] = toWorld(0, 0), [x1, y0] = toWorld(innerWidth, innerHeight);
  setSelection(insidePolygon([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]), 'in view');
}

function wireLasso() {
  const stage = $('stage');
  // Capturing on the stage keeps a lasso drag away from the map's pan controller underneath.
  stage.addEventListener('pointerdown', e => {
    if (e.button !== 0 || !(lassoMode || e.shiftKey)) return;
    e.stopPropagation();
    e.preventDefault();
    stage.setPointerCapture(e.pointerId);
    lassoPath = [[e.clientX, e.clientY]];
    hideTip();
  }, true);
  stage.addEventListener('pointermove', e => {
    if (!lassoPath) return;
    e.stopPropagation();
    const last = lassoPath[lassoPath.length - 1];
    if (Math.hypot(e.clientX - last[0], e.clientY - last[1]) >= 3) {
      lassoPath.push([e.clientX, e.clientY]);
      drawLasso();
    }
  }, true);
  const finish = e => {
    if (!lassoPath) return;
    e.stopPropagation();
    const path = lassoPath;
    lassoPath = null;
    drawLasso();
    if (path.length >= 3) setSelection(insidePolygon(path.map(([x, y]) => toWorld(x, y))), 'in the lasso');
    // One lasso per press of the button; Shift + drag works any time.
    setLassoMode(false);
  };
  stage.addEventListener('pointerup', finish, true);
  stage.addEventListener('pointercancel', finish, true);
  $('lasso-on').addEventListener('click', () => setLassoMode(!lassoMode));
  $('select-view').addEventListener('click', selectView);
}
