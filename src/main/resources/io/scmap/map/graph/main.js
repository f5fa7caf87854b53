// main.js: start-up once every other piece is defined: unpack points and ties, build the graph, draw.

function fatal(message) {
  const box = $('fatal');
  box.textContent = message;
  box.hidden = false;
  $('stats').textContent = '';
}

/** Waits until the GPU has drawn every WebGL layer: reading a pixel back waits for each one's commands. */
function finishGpu() {
  for (const canvas of Object.values(renderer.getCanvases())) {
    const gl = canvas.getContext('webgl2');
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
}

/** A small view of the page's state, for the page's own browser tests and benchmark. */
function testHooks() {
  const indexOf = p => {
    for (let i = 0; i < N; i++) if (PERMALINK.get(i) === p) return i;
    return -1;
  };
  const permalinks = set => [...set].map(i => PERMALINK.get(i)).sort();
  return Object.freeze({
    graph,
    renderer,
    indexOf,
    key: p => String(indexOf(p)),
    screenOf: p => {
      const v = renderer.graphToViewport({ x: X[indexOf(p)], y: Y[indexOf(p)] });
      return [v.x + graphLeft(), v.y];
    },
    hidden: p => graph.getNodeAttribute(String(indexOf(p)), 'hidden'),
    visibleCount: () => visibleCount,
    focus: () => (focus < 0 ? null : PERMALINK.get(focus)),
    // What the renderer shows now: artists not dimmed nor hidden, and the number of ties drawn.
    lit: () => {
      const shown = [];
      graph.forEachNode(key => {
        const d = renderer.getNodeDisplayData(key);
        if (d && !d.hidden && d.color !== DIM_NODE) shown.push(Number(key));
      });
      return permalinks(shown);
    },
    // Ties drawn now: the focus's to its visible neighbours, or every tie between visible artists.
    shownTies: () => {
      const visible = key => !renderer.getNodeDisplayData(key).hidden;
      if (litNodes !== null) return [...litNodes].filter(j => j !== focus && visible(String(j))).length;
      let n = 0;
      graph.forEachEdge((key, attr, s, t) => { n += visible(s) && visible(t) ? 1 : 0; });
      return n;
    },
    // One full frame as the GPU finishes it: every tie and artist drawn, nothing processed again.
    frameMs: () => {
      const t0 = performance.now();
      renderer.render();
      finishGpu();
      return performance.now() - t0;
    },
    // Pans and zooms the camera for ms milliseconds and reports the frames drawn and their median spacing.
    moveFrames: (ms, withTies) => new Promise(resolve => {
      renderer.setSetting('hideEdgesOnMove', !withTies);
      const camera = renderer.getCamera();
      const start = camera.getState();
      const times = [];
      const onRender = () => times.push(performance.now());
      renderer.on('afterRender', onRender);
      camera.animate({ x: start.x + 0.15, y: start.y - 0.1, ratio: start.ratio * 0.5 }, { duration: ms }, () => {
        renderer.removeListener('afterRender', onRender);
        renderer.setSetting('hideEdgesOnMove', true);
        camera.setState(start);
        const gaps = times.slice(1).map((t, k) => t - times[k]).sort((a, b) => a - b);
        resolve({ frames: times.length, medianMs: gaps.length ? gaps[gaps.length >> 1] : -1 });
      });
    }),
    // From the pointer entering artist p (nothing lit before) to the GPU having drawn its neighbourhood.
    hoverMs: p => new Promise(resolve => {
      hoverIndex = -1;
      updateFocus();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const t0 = performance.now();
        renderer.once('afterRender', () => {
          finishGpu();
          resolve(performance.now() - t0);
        });
        hoverIndex = indexOf(p);
        updateFocus();
      }));
    }),
    searchMs: query => {
      const t0 = performance.now();
      findMatches(query);
      return performance.now() - t0;
    },
  });
}

async function start() {
  const t0 = performance.now();
  $('title').textContent = META.title;
  await unpack();
  const ties = await unpackTies();
  buildGraph(ties);
  const built = performance.now();
  visibleCount = N;
  createRenderer();
  renderLegend();
  updateStats();
  showNote();
  wirePointer();
  wireControls();
  window.scmapGraph = testHooks();
  requestAnimationFrame(() => {
    const root = document.documentElement.dataset;
    root.buildMs = String(Math.round(built - t0));
    root.firstRenderMs = String(Math.round(performance.now()));
    root.ready = 'true';
  });
}

start().catch(e => fatal('The graph could not be loaded: ' + (e && e.message ? e.message : e)));
