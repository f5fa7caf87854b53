// ui.js: the scene legend (each entry a button that hides or shows its artists), the stats line, the
// note for a graph without ties, hover and click on the graph, and the keyboard.

function updateStats() {
  const parts = [
    numberFormat.format(N) + ' artists',
    numberFormat.format(graph.size) + (graph.size === 1 ? ' tie' : ' ties'),
    numberFormat.format(SCENES.length) + ' scenes'];
  if (visibleCount < N) parts.push(numberFormat.format(visibleCount) + ' shown');
  $('stats').textContent = N === 0 ? 'No artists in this graph.' : parts.join(' · ');
  $('graph').dataset.visible = String(visibleCount);
}

function showNote() {
  let text = '';
  if (N > 0 && GRAPH_META.atlasEdges === 0) {
    text = 'No ties were recorded for these artists (no edges.csv), so the graph shows the artists only.';
  } else if (N > 0 && graph.size === 0) {
    text = 'None of the ' + numberFormat.format(GRAPH_META.atlasEdges)
      + ' recorded ties joins two artists of this map, so the graph shows the artists only.';
  }
  $('note').textContent = text;
  $('note').hidden = !text;
}

/** The legend groups: each scene, then the unclustered, with their member counts. */
function legendGroups() {
  const count = new Uint32Array(SCENES.length + 1);
  for (let i = 0; i < N; i++) count[groupOf(i)]++;
  const groups = SCENES.map((s, k) => ({ k, label: display(s.label), colour: s.colour, count: count[k] }));
  groups.push({ k: SCENES.length, label: 'unclustered', colour: UNKNOWN_COLOUR, count: count[SCENES.length] });
  return groups.filter(g => g.count > 0);
}

function renderLegend() {
  const list = $('legend');
  list.textContent = '';
  for (const g of legendGroups()) {
    const b = el('button');
    b.type = 'button';
    b.dataset.group = String(g.k);
    b.setAttribute('aria-pressed', hiddenGroup[g.k] ? 'false' : 'true');
    const swatch = el('span', 'swatch');
    swatch.style.background = g.colour;
    b.append(swatch, el('span', 'label', g.label), el('span', 'num', numberFormat.format(g.count)));
    b.title = g.label;
    b.addEventListener('click', () => {
      hiddenGroup[g.k] = hiddenGroup[g.k] ? 0 : 1;
      b.setAttribute('aria-pressed', hiddenGroup[g.k] ? 'false' : 'true');
      groupsChanged();
    });
    const li = el('li');
    li.append(b);
    list.append(li);
  }
}

function groupsChanged() {
  applyGroups();
  if (hoverIndex < 0) hideTip();
  updateStats();
}

function setAllHidden(value) {
  hiddenGroup.fill(value);
  renderLegend();
  groupsChanged();
}

// ---- pointer on the graph -------------------------------------------------------------------------

function wirePointer() {
  renderer.on('enterNode', ({ node, event }) => {
    hoverIndex = Number(node);
    updateFocus();
    showTip(hoverIndex, event.x + graphLeft(), event.y);
  });
  renderer.on('leaveNode', () => {
    hoverIndex = -1;
    updateFocus();
    hideTip();
  });
  renderer.on('clickNode', ({ node }) => {
    const i = Number(node);
    pin(i);
    openSoundCloud(i);
  });
  renderer.on('clickStage', () => unpin());
  renderer.getMouseCaptor().on('mousemovebody', e => {
    if (hoverIndex >= 0) showTip(hoverIndex, e.x + graphLeft(), e.y);
  });
}

function graphLeft() {
  return $('graph').getBoundingClientRect().left;
}

// ---- keyboard and buttons -------------------------------------------------------------------------

/** Moves the view a tenth of its size; at once, so that held or combined arrow keys add up. */
function panBy(dx, dy) {
  const camera = renderer.getCamera();
  const step = 0.1 * camera.ratio;
  camera.setState({ x: camera.x + dx * step, y: camera.y + dy * step });
}

function wireControls() {
  $('show-all').addEventListener('click', () => setAllHidden(0));
  $('hide-all').addEventListener('click', () => setAllHidden(1));
  $('fit').addEventListener('click', fitGraph);
  $('graph').addEventListener('keydown', e => {
    const camera = renderer.getCamera();
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (moves[e.key]) panBy(...moves[e.key]);
    else if (e.key === '+' || e.key === '=') camera.animatedZoom({ duration: reducedMotion ? 0 : 200 });
    else if (e.key === '-' || e.key === '_') camera.animatedUnzoom({ duration: reducedMotion ? 0 : 200 });
    else if (e.key === '0') fitGraph();
    else return;
    e.preventDefault();
  });
  $('graph').addEventListener('mouseleave', () => {
    hoverIndex = -1;
    updateFocus();
    hideTip();
  });
  document.addEventListener('keydown', e => {
    const typing = e.target instanceof HTMLInputElement;
    if (e.key === '/' && !typing) {
      search.focus();
      search.select();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      if (!results.hidden) closeResults();
      else unpin();
    }
  });
}
