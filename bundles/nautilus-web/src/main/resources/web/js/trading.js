// The trading view: P&L with a live chart, positions, the order ticket, the book ladder and the working orders.

import { get, post, patch, del, rows } from './api.js';
import { subscribe } from './stream.js';
import { el, liveTable, pick, attempt, flash, toNumber, show } from './dom.js';
import { timeChart, chartReady } from './chart.js';
import { watchBars } from './bars.js';

const positions = new Map();   // account/instrument -> position row
const pnl = new Map();         // account -> P&L row
let chart = null;
let bookInstrument = null;
let unsubscribeQuotes = null;
let ordersTimer = null;
let bookTimer = null;
const replacing = new Set();   // the order ids whose replace form is open
let positionsTable = null;
let pnlTable = null;
let ordersTable = null;

const ORDER_COLUMNS = ['orderId', 'account', 'instrument', 'side', 'type', 'timeInForce', 'price',
  'stopPrice', 'quantity', 'filledQuantity', 'averagePrice', 'state'];
const POSITION_COLUMNS = ['account', 'instrument', 'quantity', 'averagePrice', 'markPrice', 'realisedPnl',
  'unrealisedPnl', 'fees', 'netPnl', 'boughtQuantity', 'soldQuantity'];
const PNL_COLUMNS = ['account', 'realisedPnl', 'unrealisedPnl', 'fees', 'netPnl', 'grossExposure', 'openPositions',
  'workingOrders'];

const positionKey = (row) => `${pick(row, 'account', 'accountId')}/${pick(row, 'instrument', 'instrumentId')}`;
const pnlKey = (row) => String(pick(row, 'account', 'accountId'));
const orderId = (row) => pick(row, 'orderId', 'id');
const netOf = (row) => toNumber(pick(row, 'netPnl', 'net', 'totalPnl', 'pnl'));
const realisedOf = (row) => toNumber(pick(row, 'realisedPnl', 'realizedPnl', 'realised', 'realized'));

function each(data, callback) {
  if (data === null || data === undefined) {
    loadPositions().catch(() => {});
    return;
  }
  (Array.isArray(data) ? data : rows(data).length ? rows(data) : [data]).forEach(callback);
}

let renderPending = false;
function render() {
  if (renderPending) {
    return;
  }
  renderPending = true;
  requestAnimationFrame(() => {
    renderPending = false;
    positionsTable.update([...positions.values()]);
    pnlTable.update([...pnl.values()]);
    const total = [...pnl.values()].reduce((sum, row) => sum + (netOf(row) || 0), 0);
    const totalLine = document.getElementById('pnl-total');
    totalLine.textContent = pnl.size ? `net ${total.toFixed(2)}` : '';
    totalLine.className = total < 0 ? 'neg' : 'pos';
  });
}

function sample() {
  if (!chart) {
    return;
  }
  let net = null;
  let realised = null;
  for (const row of pnl.values()) {
    const n = netOf(row);
    const r = realisedOf(row);
    if (n !== null) {
      net = (net || 0) + n;
    }
    if (r !== null) {
      realised = (realised || 0) + r;
    }
  }
  chart.push(Date.now() / 1000, [net, realised]);
}

async function loadPositions() {
  const [positionRows, pnlRows] = await Promise.all([get('/positions'), get('/pnl')]);
  positions.clear();
  rows(positionRows).forEach((row) => positions.set(positionKey(row), row));
  pnl.clear();
  rows(pnlRows).forEach((row) => pnl.set(pnlKey(row), row));
  render();
}

function closeReplace(id) {
  replacing.delete(id);
  ordersTable.redraw(id);
}

function replaceForm(id) {
  const row = ordersTable.row(id) || {};
  const price = el('input', { name: 'price', value: row.price ?? '', size: 9, inputmode: 'decimal', 'aria-label': 'new price' });
  const quantity = el('input', { name: 'quantity', value: row.quantity ?? '', size: 7, inputmode: 'decimal',
    'aria-label': 'new quantity' });
  return el('form', {
    class: 'replace',
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {};
      if (price.value.trim()) {
        body.price = price.value.trim();
      }
      if (quantity.value.trim()) {
        body.quantity = quantity.value.trim();
      }
      const done = await attempt(() => patch(`/orders/${encodeURIComponent(id)}`, body), `order ${id} replaced`);
      if (done !== undefined) {
        closeReplace(id);
        loadOrders();
      }
    },
  }, price, quantity, el('button', { type: 'submit', class: 'small' }, 'Send'),
  el('button', { type: 'button', class: 'small link', onclick: () => { closeReplace(id); ordersSoon(); } }, 'Back'));
}

function orderActions(row, id) {
  if (replacing.has(id)) {
    return [replaceForm(id)];
  }
  return [
    el('button', { type: 'button', class: 'small', 'data-action': 'replace', 'data-needs': 'trader',
      onclick: (event) => {
        const cell = event.target.closest('td');
        replacing.add(id);
        ordersTable.redraw(id);
        cell.querySelector('input')?.focus();
      } }, 'Replace'),
    el('button', { type: 'button', class: 'small danger', 'data-action': 'cancel', 'data-needs': 'trader',
      onclick: async () => {
        if (await attempt(() => del(`/orders/${encodeURIComponent(id)}`), `cancel of order ${id} sent`) !== undefined) {
          loadOrders();
        }
      } }, 'Cancel'),
  ];
}

let ordersRead = 0;
/** Reads the working orders; an answer that arrives after a later read's is dropped (it is older). */
async function loadOrders() {
  const read = ++ordersRead;
  const data = rows(await get('/orders?state=working&limit=500'));
  if (read === ordersRead) {
    ordersTable.update(data);
  }
}

let ordersPending = null;
/** Reads the working orders shortly (once for a burst of execution reports). */
function ordersSoon() {
  if (!ordersPending) {
    ordersPending = setTimeout(() => { ordersPending = null; loadOrders().catch(() => {}); }, 150);
  }
}

function ladder(book) {
  const levels = (side) => (book && (book[side] || book[side.replace(/s$/, '')])) || [];
  const bids = levels('bids');
  const asks = levels('asks');
  const quantityOf = (level) => pick(level, 'quantity', 'qty', 'size');
  const ordersOf = (level) => pick(level, 'orders', 'count');
  if (bids.length === 0 && asks.length === 0) {
    return el('p', { class: 'empty' }, 'The book is empty.');
  }
  const fill = (price) => () => {
    const ticket = document.getElementById('ticket');
    ticket.price.value = price;
    ticket.instrument.value = bookInstrument;
  };
  const body = [
    ...[...asks].reverse().map((level) => el('tr', { class: 'ask' },
      el('td', {}, ''), el('td', { class: 'num' }, ''),
      el('td', { class: 'num price', onclick: fill(level.price), title: 'to the ticket' }, show(level.price)),
      el('td', { class: 'num' }, show(quantityOf(level))), el('td', { class: 'num dim' }, show(ordersOf(level))))),
    ...bids.map((level) => el('tr', { class: 'bid' },
      el('td', { class: 'num dim' }, show(ordersOf(level))), el('td', { class: 'num' }, show(quantityOf(level))),
      el('td', { class: 'num price', onclick: fill(level.price), title: 'to the ticket' }, show(level.price)),
      el('td', { class: 'num' }, ''), el('td', {}, ''))),
  ];
  return el('table', { class: 'ladder' },
    el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Bid qty'), el('th', {}, 'Price'),
      el('th', {}, 'Ask qty'), el('th', {}, '#'))),
    el('tbody', {}, body));
}

async function loadBook() {
  if (!bookInstrument) {
    return;
  }
  try {
    const book = await get(`/books/${encodeURIComponent(bookInstrument)}?depth=10`);
    document.getElementById('book').replaceChildren(ladder(book));
  } catch (e) {
    document.getElementById('book').replaceChildren(el('p', { class: 'empty' }, e.message));
  }
}

let bookPending = null;
function bookSoon() {
  if (!bookPending) {
    bookPending = setTimeout(() => { bookPending = null; loadBook(); }, 250);
  }
}

function watchBook(instrument) {
  bookInstrument = instrument;
  if (unsubscribeQuotes) {
    unsubscribeQuotes();
  }
  unsubscribeQuotes = subscribe(`quotes:${instrument}`, bookSoon);
  loadBook();
  watchBars(instrument).catch((e) => flash(e.message, 'error'));
}

function options(select, values, keep) {
  select.replaceChildren(...keep, ...values.map((v) => el('option', { value: v }, v)));
}

async function loadTicketChoices() {
  const [accounts, instruments, venues] = await Promise.all([
    get('/accounts').catch(() => []), get('/instruments').catch(() => []), get('/venues').catch(() => [])]);
  const ticket = document.getElementById('ticket');
  const ids = (answer, ...keys) => rows(answer).map((row) => (typeof row === 'string' ? row : pick(row, ...keys)))
    .filter((id) => id !== undefined).map(String);
  const accountIds = ids(accounts, 'account', 'id', 'accountId', 'name');
  const instrumentIds = ids(instruments, 'id', 'instrument', 'instrumentId', 'symbol');
  [...positions.values()].forEach((row) => {
    const account = String(pick(row, 'account', 'accountId'));
    if (!accountIds.includes(account)) {
      accountIds.push(account);
    }
  });
  options(ticket.account, accountIds, []);
  options(ticket.instrument, instrumentIds, []);
  options(ticket.venue, ids(venues, 'id', 'venue', 'name'), [el('option', { value: '' }, '(router)')]);
  const bookSelect = document.getElementById('book-instrument');
  options(bookSelect, instrumentIds, []);
  const preferred = [...positions.values()].map((row) => String(pick(row, 'instrument', 'instrumentId')))
    .find((id) => instrumentIds.includes(id)) || instrumentIds[0];
  if (preferred) {
    bookSelect.value = preferred;
    ticket.instrument.value = preferred;
    watchBook(preferred);
  }
  const firstAccount = [...positions.values()].map((row) => String(pick(row, 'account', 'accountId')))[0];
  if (firstAccount) {
    ticket.account.value = firstAccount;
  }
}

function ticketOrder(form) {
  const order = {
    account: form.account.value,
    instrument: form.instrument.value,
    side: form.side.value,
    type: form.type.value,
    timeInForce: form.timeInForce.value,
    quantity: form.quantity.value.trim(),
  };
  for (const key of ['price', 'stopPrice', 'venue']) {
    const value = form[key].value.trim();
    if (value) {
      order[key] = value;
    }
  }
  return order;
}

/** Starts the view: first data, the stream topics, the ticket and the book selector. */
export async function startTrading() {
  positionsTable = liveTable(document.getElementById('positions'),
    { columns: POSITION_COLUMNS, key: positionKey, empty: 'No positions.' });
  pnlTable = liveTable(document.getElementById('pnl-table'),
    { columns: PNL_COLUMNS, key: pnlKey, empty: 'No P&L yet.' });
  ordersTable = liveTable(document.getElementById('orders'), {
    columns: ORDER_COLUMNS,
    key: (row) => String(orderId(row)),
    empty: 'No working orders.',
    actions: orderActions,
    hold: (id) => replacing.has(id),
  });
  const ticket = document.getElementById('ticket');
  ticket.addEventListener('submit', async (event) => {
    event.preventDefault();
    const order = ticketOrder(ticket);
    const answer = await attempt(() => post('/orders', order),
      (a) => `order ${pick(a || {}, 'orderId', 'id')} accepted: ${order.side} ${order.quantity} ${order.instrument}`
        + (order.price ? ` @ ${order.price}` : ''));
    if (answer !== undefined) {
      ordersSoon();
    }
  });
  ticket.type.addEventListener('change', () => {
    ticket.price.disabled = ticket.type.value === 'MARKET' || ticket.type.value === 'STOP';
    ticket.stopPrice.disabled = !ticket.type.value.startsWith('STOP');
  });
  ticket.type.dispatchEvent(new Event('change'));
  document.getElementById('book-instrument').addEventListener('change', (e) => watchBook(e.target.value));

  await Promise.all([
    loadPositions().catch((e) => flash(e.message, 'error')),
    loadOrders().catch((e) => flash(e.message, 'error')),
  ]);
  await loadTicketChoices().catch((e) => flash(e.message, 'error'));

  subscribe('positions', (data) => { each(data, (row) => positions.set(positionKey(row), row)); render(); });
  subscribe('pnl', (data) => { each(data, (row) => pnl.set(pnlKey(row), row)); render(); });
  subscribe('executions', ordersSoon);

  await chartReady;
  chart = timeChart(document.getElementById('pnl-chart'), ['Net P&L', 'Realised']);
  sample();
  setInterval(sample, 1000);
  // the stream keeps the view live; a slow poll repairs what a lost connection missed
  ordersTimer = setInterval(ordersSoon, 5000);
  bookTimer = setInterval(loadBook, 2000);
  setInterval(() => loadPositions().catch(() => {}), 10000);
}

export function stopTrading() {
  clearInterval(ordersTimer);
  clearInterval(bookTimer);
}
