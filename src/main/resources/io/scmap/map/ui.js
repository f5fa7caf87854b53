// ui.js: the legend (toggles groups of the colour mode), the generation filter, the layer toggles,
// hover and click on the map, and the keyboard.

function updateStats() {
  const parts = [numberFormat.format(N) + ' artists', numberFormat.format(SCENES.length) + ' scenes'];
  if (visibleCount < N) parts.push(numberFormat.format(visibleCount) + ' shown');
  $('stats').textContent = N === 0 ? 'No artists in this map.' : parts.join(' · ');
  $('stage').dataset.visible = String(visibleCount);
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
    b.dataset.group = String(k);
    b.setAttribute('aria-pressed', m.hidden[k] ? 'false' : 'true');
    const swatch = el('span', 'swatch');
    swatch.style.background = g.colour;
    b.append(swatch, el('span', 'label', g.label), el('span', 'num', numberFormat.format(g.count)));
    b.title = g.label;
    b.addEventListener('click', () => {
      m.hidden[k] = m.hidden[k] ? 0 : 1;
      b.setAttribute('aria-pressed', m.hidden[k] ? 'false' : 'true');
      filtersChanged();
    });
    const li = el('li');
    li.append(b);
    list.append(li);
  }
  syncGenerationControls();
}

/** After a legend toggle or filter change: recompute visibility and redraw everything that shows it. */
function filtersChanged() {
  updateVisibility();
  if (hoverIndex >= 0 && !isVisible(hoverIndex)) {
    hoverIndex = -1;
    hideTip();
  }
  updateStats();
  placeLabelsSoon();
  redraw();
}

function setAllHidden(value) {
  currentMode().hidden.fill(value);
  renderLegend();
  filtersChanged();
}

// ---- generation filter ----------------------------------------------------------------------------

const genFrom = $('gen-from'), genTo = $('gen-to'), genUnknown = $('gen-unknown');

function buildGenerationControls() {
  META.generations.forEach((g, k) => {
    genFrom.append(new Option(g.label, String(k)));
    genTo.append(new Option(g.label, String(k)));
  });
  const changed = () => {
    let from = Number(genFrom.value), to = Number(genTo.value);
    if (from > to) [from, to] = genFrom === document.activeElement ? [from, from] : [to, to];
    Object.assign(genFilter, { from, to, unknown: genUnknown.checked });
    syncGenerationControls();
    filtersChanged();
  };
  for (const c of [genFrom, genTo, genUnknown]) c.addEventListener('change', changed);
}

function syncGenerationControls() {
  genFrom.value = String(genFilter.from);
  genTo.value = String(genFilter.to);
  genUnknown.checked = genFilter.unknown;
}

// ---- pointer on the map ---------------------------------------------------------------------------

function pointerOver(info) {
  const i = info && info.x >= 0 ? pickAt(info.x, info.y) : -1;
  if (i !== hoverIndex) {
    hoverIndex = i;
    redraw();
  }
  if (i >= 0) showTip(i, info.x, info.y);
  else hideTip();
}

function pointerClick(info) {
  const i = info && info.x >= 0 ? pickAt(info.x, info.y) : -1;
  if (i >= 0) {
    pin(i);
    openSoundCloud(i);
  } else if (!lassoActive()) {
    unpin();
  }
}

// ---- controls -------------------------------------------------------------------------------------

function wireControls() {
  for (const radio of document.querySelectorAll('input[name=mode]')) {
    radio.addEventListener('change', () => {
      modeName = radio.value;
      renderLegend();
      filtersChanged();
    });
  }
  $('show-all').addEventListener('click', () => setAllHidden(0));
  $('hide-all').addEventListener('click', () => setAllHidden(1));
  $('labels-on').addEventListener('change', e => {
    labelsOn = e.target.checked;
    placeLabels();
  });
  $('density-on').addEventListener('change', e => {
    showDensity = e.target.checked;
    redraw();
  });
  $('fit').addEventListener('click', fit);
  $('map').addEventListener('keydown', e => {
    if (e.key === '0') {
      fit();
      e.preventDefault();
    }
  });
  $('map').addEventListener('mouseleave', () => {
    hoverIndex = -1;
    hideTip();
    redraw();
  });
  document.addEventListener('keydown', e => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === '/' && !typing) {
      search.focus();
      search.select();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      if (!results.hidden) closeResults();
      else if (lassoActive()) setLassoMode(false);
      else unpin();
    }
  });
  window.addEventListener('resize', () => {
    fitView();
    placeLabelsSoon();
    redraw();
  });
}
