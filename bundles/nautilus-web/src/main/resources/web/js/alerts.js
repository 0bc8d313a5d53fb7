// Alerts: the open ones (or all), acknowledge and resolve with a comment; live through the alerts topic.

import { get, post, rows } from './api.js';
import { subscribe } from './stream.js';
import { el, table, pick, attempt } from './dom.js';

const idOf = (row) => String(pick(row, 'id', 'alertId'));
const stateOf = (row) => String(pick(row, 'state', 'status') || '').toUpperCase();
const COLUMNS = ['id', 'state', 'severity', 'key', 'text', 'count', 'last', 'acknowledgedBy', 'comment'];

function act(id, verb) {
  const comment = prompt(`${verb === 'ack' ? 'Acknowledge' : 'Resolve'} alert ${id}: comment (optional)`, '');
  if (comment === null) {
    return;
  }
  attempt(() => post(`/alerts/${encodeURIComponent(id)}/${verb}`, comment ? { comment } : {}),
    `alert ${id} ${verb === 'ack' ? 'acknowledged' : 'resolved'}`).then(loadAlerts);
}

/** Loads the alerts table and the open-alert count of the menu. */
export async function loadAlerts() {
  const all = document.getElementById('alerts-all').checked;
  const data = rows(await get(`/alerts${all ? '?all=true' : ''}`));
  const open = data.filter((row) => !/^(RESOLVED|ACKNOWLEDGED|ACKED)$/.test(stateOf(row))).length;
  const badge = document.getElementById('alert-count');
  badge.textContent = String(open);
  badge.hidden = open === 0;
  document.getElementById('alerts').replaceChildren(table(data, {
    columns: COLUMNS,
    key: idOf,
    empty: all ? 'No alerts.' : 'No open alerts.',
    actions: (row) => {
      const state = stateOf(row);
      return [
        /^(RESOLVED|ACKNOWLEDGED|ACKED)$/.test(state) ? null
          : el('button', { type: 'button', class: 'small', 'data-action': 'ack', onclick: () => act(idOf(row), 'ack') }, 'Ack'),
        state === 'RESOLVED' ? null
          : el('button', { type: 'button', class: 'small link', 'data-action': 'resolve',
            onclick: () => act(idOf(row), 'resolve') }, 'Resolve'),
      ].filter(Boolean);
    },
  }));
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
