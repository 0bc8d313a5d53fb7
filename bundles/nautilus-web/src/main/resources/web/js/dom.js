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

/**
 * A table of API rows.
 * @param {object[]} data the rows
 * @param {object} [options]
 * @param {string[]} [options.columns] the fields to show, those the rows have (else every scalar field, ids first)
 * @param {(row: object) => Node[]} [options.actions] buttons of a row
 * @param {(row: object) => string} [options.key] a row's id (data-key, for tests and updates)
 * @param {string} [options.empty] the text when there are no rows
 */
export function table(data, options = {}) {
  const available = scalarColumns(data);
  const preferred = (options.columns || []).filter((key) => available.includes(key));
  const columns = preferred.length >= 3 ? preferred : available;
  if (data.length === 0) {
    return el('p', { class: 'empty' }, options.empty || 'Nothing yet.');
  }
  const head = el('tr', {}, columns.map((c) => el('th', {}, label(c))), options.actions ? el('th', {}) : null);
  const body = data.map((row) => el('tr', { 'data-key': options.key ? options.key(row) : null },
    columns.map((c) => {
      const value = row[c];
      const classes = [isNumeric(value) ? 'num' : '', isNumeric(value) && String(value).startsWith('-') ? 'neg' : ''];
      return el('td', { class: classes.join(' ').trim() || null, 'data-col': c }, show(value));
    }),
    options.actions ? el('td', { class: 'actions' }, options.actions(row)) : null));
  return el('table', { class: 'grid' }, el('thead', {}, head), el('tbody', {}, body));
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
