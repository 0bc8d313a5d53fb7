// Backtests: the list (live through the backtests topic), a run with the CLI's arguments, each one's equity curve
// and its HTML report (in a tab of its own).

import { get, post, rows } from './api.js';
import { subscribe } from './stream.js';
import { el, liveTable, pick, attempt, toNumber } from './dom.js';
import { timeChart, chartReady } from './chart.js';

const idOf = (row) => String(pick(row, 'id', 'backtestId', 'runId'));

/** Splits a shell-like argument line: whitespace separates, double or single quotes group. */
export function splitArgs(line) {
  const args = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let match;
  while ((match = pattern.exec(line)) !== null) {
    args.push(match[1] ?? match[2] ?? match[3]);
  }
  return args;
}

function equityColumns(answer) {
  const points = rows(answer);
  const xs = [];
  const ys = [];
  for (const point of points) {
    const time = Array.isArray(point) ? point[0] : pick(point, 'time', 'timestamp', 't', 'date');
    const value = Array.isArray(point) ? point[1] : pick(point, 'equity', 'value', 'nav', 'v');
    const seconds = typeof time === 'number' ? (time > 1e12 ? time / 1000 : time) : Date.parse(time) / 1000;
    if (Number.isFinite(seconds)) {
      xs.push(seconds);
      ys.push(toNumber(value));
    }
  }
  return [xs, ys];
}

const reportOf = (id) => `/api/v1/backtests/${encodeURIComponent(id)}/report`;

/** Shows a backtest's equity curve, with a link to its report. */
async function showEquity(id) {
  document.getElementById('backtest-id').textContent = id;
  document.getElementById('backtest-report-link').href = reportOf(id);
  document.getElementById('backtest-detail').hidden = false;
  const equity = await attempt(() => get(`/backtests/${encodeURIComponent(id)}/equity`));
  await chartReady;
  const chart = timeChart(document.getElementById('equity-chart'), ['Equity']);
  if (equity !== undefined) {
    chart.set(equityColumns(equity));
  }
}

let refresh = null;
let backtestsTable = null;

/** Loads the backtests table; while a run is not finished, again every two seconds (besides the stream's news). */
export async function loadBacktests() {
  const data = rows(await get('/backtests'));
  const running = data.some((row) => !/^(COMPLETED|FAILED|CANCELLED|CANCELED)$/.test(String(row.state)));
  if (running && refresh === null) {
    refresh = setTimeout(() => { refresh = null; loadBacktests().catch(() => {}); }, 2000);
  }
  if (!backtestsTable) {
    backtestsTable = liveTable(document.getElementById('backtests'), {
      columns: ['id', 'state', 'strategy', 'submitted', 'finished', 'progress', 'events', 'fills', 'eventsPerSecond',
        'error'],
      key: idOf,
      empty: 'No backtests yet.',
      actions: (row, id) => [
        el('button', { type: 'button', class: 'small', 'data-action': 'equity', onclick: () => showEquity(id) },
          'Equity'),
        // the report is a page of its own (the server lets no page be framed)
        el('a', { class: 'button small', 'data-action': 'report', href: reportOf(id), target: '_blank',
          rel: 'noopener', onclick: () => showEquity(id) }, 'Report'),
      ],
    });
  }
  backtestsTable.update(data);
}

export function startBacktests() {
  const form = document.getElementById('backtest-run');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const args = splitArgs(form.args.value);
    if (await attempt(() => post('/backtests', { args }), (a) => `backtest ${pick(a || {}, 'id', 'backtestId')} started`)
        !== undefined) {
      loadBacktests();
    }
  });
  let pending = null;
  subscribe('backtests', () => {
    if (!pending) {
      pending = setTimeout(() => { pending = null; loadBacktests().catch(() => {}); }, 500);
    }
  });
  return loadBacktests();
}
