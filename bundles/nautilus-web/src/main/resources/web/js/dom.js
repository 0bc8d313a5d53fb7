// Small DOM helpers: elements, tables of API rows, number formatting and a message line.

/** An element with attributes (on* are listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

const LABELS = { id: 'Id', orderId: 'Order', clientOrderId: 'Client id', timeInForce: 'TIF', netPnl: 'Net P&L',
  realisedPnl: 'Realised', unrealisedPnl: 'Unrealised', realizedPnl: 'Realised', unrealizedPnl: 'Unrealised',
  avgPrice: 'Avg price', averagePrice: 'Avg price', markPrice: 'Mark', filledQuantity: 'Filled',
  openQuantity: 'Open', stopPrice: 'Stop', quantity: 'Qty', boughtQuantity: 'Bought', soldQuantity: 'Sold',
  openPositions: 'Positions', workingOrders: 'Working', deliveredEvents: 'Events', queuedEvents: 'Queued',
  lagMicros: 'Lag (µs)', nextSenderSeqNum: 'Seq out', nextTargetSeqNum: 'Seq in', commandsSent: 'Sent',
  reportsApplied: 'Applied', reportsRefused: 'Refused', duplicateFills: 'Dup fills', eventsPerSecond: 'Events/s' };

/** 'netPnl' -> 'Net P&L', 'avgPrice' -> 'Avg price', 'lastSeen' -> 'Last seen'. */
export function label(key) {
  if (LABELS[key]) {
    return LABELS[key];
  }
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function isNumeric(value) {
  return typeof value === 'number' || (typeof value === 'string' && NUMBER.test(value));
}

/** A value for a table cell: decimals stay as the server wrote them (at the instrument's scale). */
export function show(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map(show).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}=${show(v)}`).join(' ');
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value)) {
    return value.replace('T', ' ').replace(/\.(\d{3})\d*/, '.$1');
  }
  return String(value);
}

/** The first present field among several names (the API's field names for the same idea). */
export function pick(row, ...keys) {
  for (const key of keys) {
    if (row && row[key] !== undefined && row[key] !== null) {
      return row[key];
    }
  }
  return undefined;
}

function columnsOf(data, wanted) {
  const available = scalarColumns(data);
  const preferred = (wanted || []).filter((key) => available.includes(key));
  return preferred.length >= 3 ? preferred : available;
}

/** Writes a value into a cell, touching the DOM only where the text or the classes change. */
function fillCell(td, value) {
  const text = show(value);
  if (td.textContent !== text) {
    td.textContent = text;
  }
  const numeric = isNumeric(value);
  const classes = [numeric ? 'num' : '', numeric && String(value).startsWith('-') ? 'neg' : ''].join(' ').trim();
  if (td.className !== classes) {
    td.className = classes;
  }
  return td;
}

/**
 * A table of API rows kept in a container and updated row by row: a row is found by its key, its cells change in
 * place, new keys add rows and missing keys remove them. Nothing is redrawn, so an element found in the table stays
 * valid and a form opened in a row (a replace, a comment) keeps what is being typed. A held row is never removed nor
 * its actions redrawn; when its key is missing from an update it stays, marked {@code gone}.
 * @param {HTMLElement} container where the table (or the empty text) goes
 * @param {object} options
 * @param {(row: object) => string} options.key a row's id (its data-key)
 * @param {string[]} [options.columns] the fields to show, those the rows have (else every scalar field, ids first)
 * @param {(row: object, key: string) => Node[]} [options.actions] the content of a row's actions cell
 * @param {(row: object) => string} [options.actionsKey] what the actions depend on: they are drawn again only when
 *   it changes (by default never after the first time)
 * @param {(key: string) => boolean} [options.hold] whether a row must be kept as it is (a form in it is open)
 * @param {string} [options.empty] the text when there are no rows
 * @returns {{update: (data: object[]) => void, row: (key: string) => object|undefined, redraw: (key: string) => void}}
 *   update: the rows now; row: the last data of a key; redraw: draws a row's actions again
 */
export function liveTable(container, options) {
  const entries = new Map();   // key -> { tr, row, actionsKey }
  const head = el('thead');
  const body = el('tbody');
  const grid = el('table', { class: 'grid' }, head, body);
  const empty = el('p', { class: 'empty' }, options.empty || 'Nothing yet.');
  const held = (key) => Boolean(options.hold && options.hold(key));
  let columns = null;

  function drawActions(key, entry) {
    entry.actionsKey = options.actionsKey ? options.actionsKey(entry.row) : '';
    entry.tr.lastElementChild.replaceChildren(...[options.actions(entry.row, key)].flat().filter(Boolean));
  }

  function setColumns(next) {
    columns = next;
    head.replaceChildren(el('tr', {}, columns.map((c) => el('th', {}, label(c))), options.actions ? el('th') : null));
    for (const entry of entries.values()) {
      entry.tr.querySelectorAll(':scope > td[data-col]').forEach((td) => td.remove());
      entry.tr.prepend(...columns.map((c) => fillCell(el('td', { 'data-col': c }), entry.row[c])));
    }
  }

  function update(data) {
    const next = columnsOf(data, options.columns);
    if (columns === null || (data.length > 0 && next.join() !== columns.join())) {
      setColumns(next);
    }
    const wanted = [];
    const seen = new Set();
    for (const row of data) {
      const key = String(options.key(row));
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      let entry = entries.get(key);
      if (!entry) {
        entry = { row, tr: el('tr', { 'data-key': key }, columns.map((c) => el('td', { 'data-col': c })),
          options.actions ? el('td', { class: 'actions' }) : null) };
        entries.set(key, entry);
      }
      entry.row = row;
      entry.tr.classList.remove('gone');
      entry.tr.querySelectorAll(':scope > td[data-col]').forEach((td) => fillCell(td, row[td.dataset.col]));
      if (options.actions && !held(key)
          && (entry.actionsKey === undefined || (options.actionsKey && options.actionsKey(row) !== entry.actionsKey))) {
        drawActions(key, entry);
      }
      wanted.push(entry.tr);
    }
    for (const [key, entry] of entries) {
      if (seen.has(key)) {
        continue;
      }
      if (held(key)) {
        entry.tr.classList.add('gone');
      } else {
        entry.tr.remove();
        entries.delete(key);
      }
    }
    // rows into the order of the data, moving only those out of place (a held, gone row stays where it is)
    const placed = new Set(wanted);
    let cursor = body.firstElementChild;
    for (const tr of wanted) {
      while (cursor && cursor !== tr && !placed.has(cursor)) {
        cursor = cursor.nextElementSibling;
      }
      if (cursor === tr) {
        cursor = cursor.nextElementSibling;
      } else {
        body.insertBefore(tr, cursor);
      }
    }
    const shown = entries.size > 0 ? grid : empty;
    if (container.firstChild !== shown || container.childNodes.length !== 1) {
      container.replaceChildren(shown);
    }
  }

  return {
    update,
    row: (key) => entries.get(String(key))?.row,
    redraw: (key) => {
      const entry = entries.get(String(key));
      if (entry && options.actions) {
        drawActions(String(key), entry);
      }
    },
  };
}

function scalarColumns(data) {
  const seen = [];
  for (const row of data.slice(0, 50)) {
    for (const [key, value] of Object.entries(row)) {
      if (!seen.includes(key) && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        seen.push(key);
      }
    }
  }
  const ids = seen.filter((key) => key === 'id' || key === 'orderId');
  return [...ids, ...seen.filter((key) => !ids.includes(key))];
}

let flashTimer;

/** A one-line message at the top of the page: the server's reason for an error, or what was done. */
export function flash(text, kind = 'info') {
  const line = document.getElementById('flash');
  line.textContent = text;
  line.className = 'flash ' + kind;
  line.hidden = false;
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => { line.hidden = true; }, kind === 'error' ? 10000 : 4000);
}

/** Runs an API action; shows its error's reason in the message line instead of throwing. */
export async function attempt(action, done) {
  try {
    const answer = await action();
    if (done) {
      flash(typeof done === 'function' ? done(answer) : done, 'ok');
    }
    return answer;
  } catch (e) {
    flash(e.message, 'error');
    return undefined;
  }
}

/** A decimal string as a number for charts (never for money arithmetic shown to the user). */
export function toNumber(value) {
  const n = typeof value === 'number' ? value : parseFloat(value);
  return Number.isFinite(n) ? n : null;
}
