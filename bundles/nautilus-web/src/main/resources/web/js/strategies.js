// Strategies: their state with start/stop, and their parameters (GET/PUT /strategies/{id}/params).

import { get, post, put, rows } from './api.js';
import { el, liveTable, pick, attempt, show } from './dom.js';

const idOf = (row) => String(pick(row, 'id', 'strategyId', 'name'));
const isRunning = (row) => /^(STARTING|RUNNING|SWAPPING)$/i.test(String(pick(row, 'state', 'status') || ''));
const COLUMNS = ['id', 'strategy', 'version', 'state', 'account', 'instruments', 'deliveredEvents', 'queuedEvents',
  'lagMicros', 'workingOrders', 'realisedPnl', 'unrealisedPnl', 'failure', 'configError'];

async function openParams(id) {
  const params = await attempt(() => get(`/strategies/${encodeURIComponent(id)}/params`));
  if (params === undefined) {
    return;
  }
  const values = (params && typeof params.parameters === 'object' && params.parameters) || {};
  document.getElementById('strategy-params-id').textContent = id;
  const form = document.getElementById('strategy-params');
  const inputs = Object.entries(values || {}).map(([key, value]) =>
    el('label', {}, key, el('input', { name: key, value: show(value) })));
  form.replaceChildren(...inputs, el('button', { type: 'submit', 'data-needs': 'trader' }, 'Save'));
  form.onsubmit = async (event) => {
    event.preventDefault();
    const changed = {};
    for (const input of form.querySelectorAll('input')) {
      if (input.value !== show(values[input.name])) {
        changed[input.name] = input.value;
      }
    }
    if (Object.keys(changed).length === 0) {
      return;
    }
    const answer = await attempt(() => put(`/strategies/${encodeURIComponent(id)}/params`, { parameters: changed }),
      (a) => `parameters of ${id}: ${(a && a.outcome) || 'saved'}`);
    if (answer !== undefined) {
      loadStrategies();
    }
  };
  document.getElementById('strategy-params-card').hidden = false;
}

let strategiesTable = null;

function actions(row, id) {
  const action = (verb) => attempt(() => post(`/strategies/${encodeURIComponent(id)}/${verb}`),
    (a) => `${verb} ${id}: ${(a && a.outcome) || 'sent'}`).then(loadStrategies);
  return [
    isRunning(row)
      ? el('button', { type: 'button', class: 'small danger', 'data-action': 'stop', 'data-needs': 'trader',
        onclick: () => action('stop') }, 'Stop')
      : el('button', { type: 'button', class: 'small', 'data-action': 'start', 'data-needs': 'trader',
        onclick: () => action('start') }, 'Start'),
    el('button', { type: 'button', class: 'small link', 'data-action': 'params', onclick: () => openParams(id) },
      'Parameters'),
  ];
}

/** Loads the strategies table (rows updated in place; the parameters form below is left as it is). */
export async function loadStrategies() {
  const data = rows(await get('/strategies'));
  if (!strategiesTable) {
    strategiesTable = liveTable(document.getElementById('strategies'), {
      columns: COLUMNS,
      key: idOf,
      empty: 'No strategies configured.',
      actions,
      actionsKey: (row) => String(isRunning(row)),
    });
  }
  strategiesTable.update(data);
}
