// cards.js: the hover card and the pinned card of an artist, with their strongest ties. Text from the
// data is only ever set with textContent.

const numberFormat = new Intl.NumberFormat('en');
const tip = $('tip');
const card = $('card');
const MAX_TIES_LISTED = 50;

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function followersText(i) {
  return FOLLOWERS[i] < 0 ? 'unknown' : numberFormat.format(FOLLOWERS[i]);
}

/** A link to the artist's SoundCloud page; the browser opens it only when the user follows it. */
function artistLink(i, text) {
  const a = el('a', 'out', text);
  a.href = urlOf(i);
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function openSoundCloud(i) {
  const url = urlOf(i);
  // Recorded for the page's own tests, which check where a click leads without leaving the page.
  $('graph').dataset.lastOpened = url;
  window.open(url, '_blank', 'noopener');
}

/** The facts of artist i: name, permalink, followers, scene, degree. */
function cardHead(box, i) {
  box.append(el('h2', null, nameOf(i)), el('p', 'perm', 'soundcloud.com/' + PERMALINK.get(i)));
  const dl = el('dl');
  const row = (term, value) => dl.append(el('dt', null, term), el('dd', null, value));
  row('followers', followersText(i));
  row('scene', sceneLabelOf(i));
  const degree = graph.degree(String(i));
  row('degree', numberFormat.format(degree) + (degree === 1 ? ' artist' : ' artists') + ' tied');
  box.append(dl);
}

function fillTip(i) {
  tip.textContent = '';
  cardHead(tip, i);
  const ties = tiesOf(i).slice(0, 5);
  if (ties.length > 0) {
    tip.append(el('p', 'sub', 'Strongest ties'));
    const ol = el('ol');
    for (const t of ties) ol.append(el('li', null, nameOf(t.j)));
    tip.append(ol);
  }
}

/** The pinned card: facts, a link out, and every tie, strongest first, each a button that selects it. */
function fillCard(i) {
  card.textContent = '';
  card.dataset.permalink = PERMALINK.get(i);
  cardHead(card, i);
  const actions = el('div', 'actions');
  actions.append(artistLink(i, 'Open on SoundCloud ↗'));
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close card');
  close.addEventListener('click', unpin);
  card.append(actions, close);
  const ties = tiesOf(i);
  if (ties.length === 0) {
    card.append(el('p', 'muted', 'No ties recorded.'));
    return;
  }
  card.append(el('h3', 'sub', ties.length > MAX_TIES_LISTED
    ? 'Strongest ' + MAX_TIES_LISTED + ' of ' + numberFormat.format(ties.length) + ' ties' : 'Ties'));
  const ol = el('ol', 'ties');
  for (const t of ties.slice(0, MAX_TIES_LISTED)) {
    const li = el('li');
    const b = el('button', null, nameOf(t.j));
    b.type = 'button';
    b.title = 'Show ' + nameOf(t.j) + ' in the graph';
    b.addEventListener('click', () => select(t.j));
    li.append(b, el('span', 'num', numberFormat.format(Math.round(t.weight * 10) / 10)));
    ol.append(li);
  }
  card.append(ol);
}

function pin(i) {
  pinnedIndex = i;
  fillCard(i);
  card.hidden = false;
  updateFocus();
}

function unpin() {
  pinnedIndex = -1;
  card.hidden = true;
  delete card.dataset.permalink;
  updateFocus();
}

/** Shows artist i: its scene if the legend hid it, the camera on it, its ties lit and its card pinned. */
function select(i) {
  if (!isVisible(i)) {
    hiddenGroup[groupOf(i)] = 0;
    renderLegend();
    applyGroups();
    updateStats();
  }
  hideTip();
  hoverIndex = -1;
  pin(i);
  centreOn(i);
}
