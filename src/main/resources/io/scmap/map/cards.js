// cards.js: the hover card and the pinned card with its "artists like" list. Text from the data is
// only ever set with textContent.

const numberFormat = new Intl.NumberFormat('en');
const tip = $('tip');
const card = $('card');

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
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
  $('stage').dataset.lastOpened = url;
  window.open(url, '_blank', 'noopener');
}

function followersText(i) {
  return FOLLOWERS[i] < 0 ? 'unknown' : numberFormat.format(FOLLOWERS[i]);
}

/** The facts of artist i: name, permalink, followers, generation, scene. */
function cardHead(box, i) {
  box.append(el('h2', null, nameOf(i)), el('p', 'perm', 'soundcloud.com/' + PERMALINK.get(i)));
  const dl = el('dl');
  const row = (term, value) => dl.append(el('dt', null, term), el('dd', null, value));
  row('followers', followersText(i));
  const since = emergeText(i);
  row('generation', generationLabelOf(i) + (since ? ' (since ' + since + ')' : ''));
  row('scene', sceneLabelOf(i));
  box.append(dl);
}

/** The hover card: facts and the five nearest artists, as plain text. */
function fillTip(i) {
  tip.textContent = '';
  cardHead(tip, i);
  const near = neighboursOf(i).slice(0, 5);
  if (near.length > 0) {
    tip.append(el('p', 'sub', 'Top neighbours'));
    const ol = el('ol');
    for (const j of near) ol.append(el('li', null, nameOf(j)));
    tip.append(ol);
  }
}

/** The pinned card: facts, a link out, and the neighbours panel, "artists like" this one. */
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
  const near = neighboursOf(i);
  const title = el('h3', 'sub', 'Artists like ');
  title.append(el('span', 'like', nameOf(i)));
  card.append(title);
  if (near.length === 0) {
    card.append(el('p', 'muted', 'No neighbours recorded.'));
    return;
  }
  const ol = el('ol', 'near');
  for (const j of near) {
    const li = el('li');
    const b = el('button', null, nameOf(j));
    b.type = 'button';
    b.title = 'Show ' + nameOf(j) + ' on the map';
    b.addEventListener('click', () => select(j));
    li.append(b, el('span', 'num', followersText(j)));
    ol.append(li);
  }
  card.append(ol);
}

function pin(i) {
  pinnedIndex = i;
  fillCard(i);
  card.hidden = false;
  placeLabelsSoon();
  redraw();
}

function unpin() {
  pinnedIndex = -1;
  card.hidden = true;
  delete card.dataset.permalink;
  placeLabelsSoon();
  redraw();
}

/** Shows artist i: makes it visible if a filter hid it, flies to it and pins its card. */
function select(i) {
  if (reveal(i)) {
    renderLegend();
    filtersChanged();
  }
  hideTip();
  flyToPoint(i);
  pin(i);
}
