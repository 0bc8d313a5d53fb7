// Alerts: the open ones (or all), acknowledge and resolve with a comment typed in the row; live through the alerts
// topic (rows update in place, so a comment being typed stays while the alert fires again).

import { get, post, rows } from './api.js';
import { subscribe } from './stream.js';
import { el, liveTable, pick, attempt } from './dom.js';

const idOf = (row) => String(pick(row, 'id', 'alertId'));
const stateOf = (row) => String(pick(row, 'state', 'status') || '').toUpperCase();
const COLUMNS = ['id', 'state', 'severity', 'key', 'text', 'count', 'last', 'acknowledgedBy', 'comment'];
const CLOSED = /^(RESOLVED|ACKNOWLEDGED|ACKED)$/;
const VERBS = { ack: 'Ack', resolve: 'Resolve' };

const commenting = new Map();   // alert id -> 'ack' or 'resolve' whose comment form is open
let alertsTable = null;

function commentForm(id, verb) {
  const comment = el('input', { name: 'comment', size: 24, placeholder: 'comment (optional)',
    'aria-label': 'comment' });
  const close = () => {
    commenting.delete(id);
    alertsTable.redraw(id);
  };
  return el('form', {
    class: 'comment',
    'data-verb': verb,
    onsubmit: async (event) => {
      event.preventDefault();
      const text = comment.value.trim();
      const done = await attempt(() => post(`/alerts/${encodeURIComponent(id)}/${verb}`, text ? { comment: text } : {}),
        `alert ${id} ${verb === 'ack' ? 'acknowledged' : 'resolved'}`);
      if (done !== undefined) {
        close();
        loadAlerts().catch(() => {});
      }
    },
  }, comment, el('button', { type: 'submit', class: 'small', 'data-action': 'send' }, VERBS[verb]),
  el('button', { type: 'button', class: 'small link', onclick: close }, 'Back'));
}

function actions(row, id) {
  if (commenting.has(id)) {
    return [commentForm(id, commenting.get(id))];
  }
  const state = stateOf(row);
  const open = (verb) => (event) => {
    const cell = event.target.closest('td');
    commenting.set(id, verb);
    alertsTable.redraw(id);
    cell.querySelector('input')?.focus();
  };
  return [
    CLOSED.test(state) ? null
      : el('button', { type: 'button', class: 'small', 'data-action': 'ack', 'data-needs': 'trader',
        onclick: open('ack') }, 'Ack'),
    state === 'RESOLVED' ? null
      : el('button', { type: 'button', class: 'small link', 'data-action': 'resolve', 'data-needs': 'admin',
        onclick: open('resolve') }, 'Resolve'),
  ].filter(Boolean);
}

function table() {
  if (!alertsTable) {
    alertsTable = liveTable(document.getElementById('alerts'), {
      columns: COLUMNS,
      key: idOf,
      empty: 'No open alerts.',
      actions,
      actionsKey: stateOf,
      hold: (id) => commenting.has(id),
    });
  }
  return alertsTable;
}

let alertsRead = 0;
/** Loads the alerts table and the open-alert count of the menu. */
export async function loadAlerts() {
  const all = document.getElementById('alerts-all').checked;
  const read = ++alertsRead;
  const data = rows(await get(`/alerts${all ? '?all=true' : ''}`));
  if (read !== alertsRead) {
    return;
  }
  const open = data.filter((row) => !CLOSED.test(stateOf(row))).length;
  const badge = document.getElementById('alert-count');
  badge.textContent = String(open);
  badge.hidden = open === 0;
  table().update(data);
  const empty = document.querySelector('#alerts p.empty');
  if (empty) {
    empty.textContent = all ? 'No alerts.' : 'No open alerts.';
  }
}

export function startAlerts() {
  document.getElementById('alerts-all').addEventListener('change', () => loadAlerts().catch(() => {}));
  let pending = null;
  subscribe('alerts', () => {
    if (!pending) {
      pending = setTimeout(() => { pending = null; loadAlerts().catch(() => {}); }, 200);
    }
  });
  return loadAlerts();
}
