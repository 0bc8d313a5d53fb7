// The dashboard: who is signed in, the menu of views, the stream's state, and each view started once.

import { me, get, rows, logout } from './api.js';
import { onState } from './stream.js';
import { el, liveTable, pick, flash } from './dom.js';
import { startTrading } from './trading.js';
import { loadStrategies } from './strategies.js';
import { startAlerts, loadAlerts } from './alerts.js';
import { startBacktests, loadBacktests } from './backtests.js';

let venuesTable = null;

async function loadVenues() {
  const data = rows(await get('/venues'));
  if (!venuesTable) {
    venuesTable = liveTable(document.getElementById('venues'), {
      columns: ['venue', 'state', 'detail', 'nextSenderSeqNum', 'nextTargetSeqNum', 'workingOrders', 'commandsSent',
        'reportsApplied', 'reportsRefused', 'duplicateFills', 'reconciliation', 'failures', 'failedClosed',
        'lastStateChange', 'lastProblem'],
      key: (row) => String(pick(row, 'id', 'venue', 'name')),
      empty: 'No venue gateways: orders of internally routed instruments match in the core\'s own book (the'
        + ' simulated venue). FIX, REST and simulated gateways are configured in etc/ (operator guide, "Venues").' });
  }
  // a venue without FIX sequence numbers answers -1: shown as the shell shows it
  const seq = (n) => (typeof n === 'number' && n < 0 ? '-' : n);
  venuesTable.update(data.map((row) => ({ ...row, nextSenderSeqNum: seq(row.nextSenderSeqNum),
    nextTargetSeqNum: seq(row.nextTargetSeqNum) })));
}

const views = {
  trading: () => {},
  strategies: loadStrategies,
  venues: loadVenues,
  alerts: loadAlerts,
  backtests: loadBacktests,
};

function show() {
  const name = location.hash.slice(1) in views ? location.hash.slice(1) : 'trading';
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.id !== `view-${name}`;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.view === name);
  }
  Promise.resolve(views[name]()).catch((e) => flash(e.message, 'error'));
}

async function status() {
  try {
    const s = await get('/status');
    document.getElementById('status').textContent = !s ? '' : [
      s.coreRunning === false ? 'core stopped' : 'core running',
      s.workingOrders === undefined ? null : `${s.workingOrders} working`,
    ].filter(Boolean).join(' · ');
  } catch {
    document.getElementById('status').textContent = '';
  }
}

async function start() {
  const user = await me();
  document.getElementById('who').replaceChildren(el('b', {}, user.user), ` (${String(user.role).toLowerCase()})`);
  document.body.dataset.role = String(user.role).toLowerCase();
  document.getElementById('logout').addEventListener('click', logout);
  onState((state, reason) => {
    const pill = document.getElementById('stream-state');
    pill.textContent = state === 'live' ? 'live' : state;
    pill.className = 'pill ' + state;
    pill.title = reason || '';
  });
  window.addEventListener('hashchange', show);
  show();
  status();
  setInterval(status, 5000);
  await Promise.all([startTrading(), startAlerts().catch(() => {}), startBacktests().catch(() => {})]);
  document.body.dataset.ready = 'true';
  performance.mark('nautilus-ready');
}

start().catch((e) => flash(e.message, 'error'));
