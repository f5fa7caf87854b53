// search.js: finding artists by permalink or name (substring, case- and accent-insensitive), with a
// listbox of matches that works from the keyboard. Enter on a single match (or an exact permalink or
// name) flies to it and shows its card; several are listed to choose from; none says "not found".

const MAX_LISTED = 20;
const search = $('search');
const results = $('results');
const statusLine = $('status');
const fold = s => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
let keys = null, permLength = null, listed = [], active = -1, inputTimer = 0;

/** Case- and accent-insensitive keys "permalink\nname", built on first use. */
function buildKeys() {
  keys = new Array(N);
  permLength = new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    const p = fold(PERMALINK.get(i));
    permLength[i] = p.length;
    keys[i] = p + '\n' + fold(NAME.get(i));
  }
}

/** Artists whose permalink or name contains the query: exact matches first, then prefixes, then the rest. */
function findMatches(query) {
  const q = fold(query.trim());
  if (!q) return { total: 0, exact: 0, top: [] };
  if (!keys) buildKeys();
  const hits = [], rank = new Map();
  for (let i = 0; i < N; i++) {
    const key = keys[i], at = key.indexOf(q);
    if (at < 0) continue;
    const nameAt = permLength[i] + 1;
    const exactHit = (at === 0 && q.length === permLength[i])
      || (key.length - nameAt === q.length && key.startsWith(q, nameAt));
    const prefix = at === 0 || key.startsWith(q, nameAt);
    hits.push(i);
    rank.set(i, exactHit ? 0 : prefix ? 1 : 2);
  }
  hits.sort((a, b) => rank.get(a) - rank.get(b) || FOLLOWERS[b] - FOLLOWERS[a] || a - b);
  let exact = 0;
  while (exact < hits.length && rank.get(hits[exact]) === 0) exact++;
  return { total: hits.length, exact, top: hits.slice(0, MAX_LISTED) };
}

function say(text, bad) {
  statusLine.textContent = text;
  statusLine.classList.toggle('bad', !!bad);
}

function closeResults() {
  results.hidden = true;
  results.textContent = '';
  search.setAttribute('aria-expanded', 'false');
  search.removeAttribute('aria-activedescendant');
  listed = [];
  active = -1;
}

function showResults(found) {
  closeResults();
  listed = found.top;
  found.top.forEach((i, k) => {
    const li = el('li');
    li.id = 'match-' + k;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    const f = FOLLOWERS[i];
    li.append(el('span', 'name', nameOf(i)), el('span', 'perm', PERMALINK.get(i)),
      el('span', 'num', f < 0 ? '' : numberFormat.format(f)));
    li.addEventListener('mousedown', e => e.preventDefault());
    li.addEventListener('click', () => choose(i));
    li.addEventListener('mousemove', () => setActive(k));
    results.append(li);
  });
  results.hidden = listed.length === 0;
  search.setAttribute('aria-expanded', listed.length ? 'true' : 'false');
  const more = found.total > MAX_LISTED;
  say(more ? found.total + ' matches, too many to list: showing the ' + MAX_LISTED + ' best; type more to narrow'
    : found.total + ' matches: pick one');
}

function setActive(k) {
  const items = results.children;
  if (active >= 0 && items[active]) {
    items[active].classList.remove('active');
    items[active].setAttribute('aria-selected', 'false');
  }
  active = k;
  if (k >= 0 && items[k]) {
    items[k].classList.add('active');
    items[k].setAttribute('aria-selected', 'true');
    items[k].scrollIntoView({ block: 'nearest' });
    search.setAttribute('aria-activedescendant', items[k].id);
  }
}

function choose(i) {
  closeResults();
  say('Showing ' + nameOf(i) + ' (' + PERMALINK.get(i) + ')');
  select(i);
}

function runSearch() {
  const query = search.value;
  const found = findMatches(query);
  if (!query.trim()) {
    closeResults();
    say('');
  } else if (found.total === 0) {
    closeResults();
    say('Not found: no artist name or permalink contains “' + query.trim() + '”', true);
  } else if (found.total === 1 || found.exact === 1) {
    choose(found.top[0]);
  } else {
    showResults(found);
  }
}

search.addEventListener('keydown', e => {
  if (e.key === 'ArrowDown' && listed.length) {
    setActive(Math.min(listed.length - 1, active + 1));
    e.preventDefault();
  } else if (e.key === 'ArrowUp' && listed.length) {
    setActive(Math.max(0, active - 1));
    e.preventDefault();
  } else if (e.key === 'Enter') {
    clearTimeout(inputTimer);
    if (active >= 0 && listed[active] !== undefined) choose(listed[active]);
    else runSearch();
    e.preventDefault();
  } else if (e.key === 'Escape') {
    if (!results.hidden) {
      closeResults();
      e.preventDefault();
      e.stopPropagation();
    }
  }
});

// Typing lists matches as suggestions; only Enter (or a choice) moves the map.
search.addEventListener('input', () => {
  clearTimeout(inputTimer);
  inputTimer = setTimeout(() => {
    const query = search.value.trim();
    if (query.length < 2) {
      closeResults();
      say('');
      return;
    }
    const found = findMatches(query);
    if (found.total === 0) {
      closeResults();
      say('Not found: no artist name or permalink contains “' + query + '”', true);
    } else {
      showResults(found);
    }
  }, 150);
});
