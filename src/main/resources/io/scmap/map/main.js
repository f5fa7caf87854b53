// main.js: start-up once every other piece is defined: unpack the data, build the controls, draw.

function fatal(message) {
  const box = $('fatal');
  box.textContent = message;
  box.hidden = false;
  $('stats').textContent = '';
}

/** A small read-only view of the page's state, for the page's own browser tests and benchmark. */
function testHooks() {
  const indexOf = p => {
    for (let i = 0; i < N; i++) if (PERMALINK.get(i) === p) return i;
    return -1;
  };
  return Object.freeze({
    indexOf,
    screenOf: p => toScreen(X[indexOf(p)], Y[indexOf(p)]),
    visible: p => isVisible(indexOf(p)),
    visibleCount: () => visibleCount,
    pick: (x, y) => {
      const i = pickAt(x, y);
      return i < 0 ? null : PERMALINK.get(i);
    },
    frameMs: timeFrame,
    searchMs: query => {
      const t0 = performance.now();
      findMatches(query);
      return performance.now() - t0;
    },
    view: () => ({ target: viewState.target.slice(), zoom: viewState.zoom, fitZoom }),
  });
}

async function start() {
  const t0 = performance.now();
  $('title').textContent = META.title;
  $('deck-version').textContent = deck.VERSION;
  await unpack();
  const unpacked = performance.now();
  buildBuffers();
  buildGenerationControls();
  renderLegend();
  updateVisibility();
  updateStats();
  buildLabels();
  wireControls();
  wireLasso();
  createDeck(() => {
    const root = document.documentElement.dataset;
    root.unpackMs = String(Math.round(unpacked - t0));
    root.firstRenderMs = String(Math.round(performance.now()));
    root.ready = 'true';
    placeLabels();
  });
  window.scmap = testHooks();
}

start().catch(e => fatal('The map could not be loaded: ' + (e && e.message ? e.message : e)));
