/** The hover card beside the pointer, filled once per artist and kept inside the window. */
function showTip(i, mx, my) {
  if (tip.dataset.index !== String(i)) {
    fillTip(i);
    tip.dataset.index = String(i);
  }
  tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = (mx + 16 + w > innerWidth ? Math.max(0, mx - 16 - w) : mx + 16) + 'px';
  tip.style.top = (my + 16 + h > innerHeight ? Math.max(0, my - 16 - h) : my + 16) + 'px';
}

function hideTip() {
  tip.hidden = true;
}
