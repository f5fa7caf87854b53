// main.js: global keys and start-up, once every other piece is defined.

document.addEventListener('keydown', e => {
  if (e.key === '/' && document.activeElement !== search) {
    search.focus();
    search.select();
    e.preventDefault();
  } else if (e.key === 'Escape') {
    if (!results.hidden) closeResults();
    else unpin();
  }
});

$('title').textContent = DATA.title;
renderLegend();
resize();
fit();
