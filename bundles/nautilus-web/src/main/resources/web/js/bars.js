// Bars of the instrument the book shows: its last completed bars (GET /marketdata/bars/{instrument}, the engine's
// first bar spec) and each new one from the bars:<instrument> topic, drawn as high, close and low over time.

import { get, rows } from './api.js';
import { subscribe } from './stream.js';
import { toNumber } from './dom.js';
import { timeChart, chartReady } from './chart.js';

const LIMIT = 200;

let chart = null;
let instrument = null;
let spec = null;
let unsubscribe = null;
let pending = [];         // stream bars that arrived before the first answer told the spec
const bars = new Map();   // end time (s) -> [high, close, low]

/** An ISO-8601 time with up to nanoseconds as seconds since the epoch (the browser parses milliseconds). */
export function seconds(text) {
  return Date.parse(String(text).replace(/(\.\d{3})\d+/, '$1')) / 1000;
}

function add(bar) {
  const t = seconds(bar.end);
  if (Number.isFinite(t)) {
    bars.set(t, [toNumber(bar.high), toNumber(bar.close), toNumber(bar.low)]);
  }
}

function draw() {
  const times = [...bars.keys()].sort((a, b) => a - b).slice(-LIMIT);
  [...bars.keys()].filter((t) => t < times[0]).forEach((t) => bars.delete(t));
  // no empty axes before the first bar: the note says why
  document.getElementById('bars-chart').hidden = times.length === 0;
  if (chart) {
    chart.set([times, ...[0, 1, 2].map((i) => times.map((t) => bars.get(t)[i]))]);
  }
}

function message(text) {
  document.getElementById('bars-note').textContent = text;
}

async function load(id) {
  let answer;
  try {
    answer = await get(`/marketdata/bars/${encodeURIComponent(id)}?limit=${LIMIT}`);
  } catch (e) {
    if (instrument === id) {
      message(e.message);
    }
    return;
  }
  if (instrument !== id) {
    return;
  }
  spec = answer.spec;
  document.getElementById('bars-spec').textContent = spec ? `${id} · ${spec}` : id;
  rows(answer.bars || answer).forEach(add);
  pending.filter((bar) => bar.spec === spec).forEach(add);
  pending = [];
  message(bars.size ? '' : 'No completed bar yet.');
  draw();
}

/** Shows the bars of an instrument: the last ones, then live (bars of the other specs are left out). */
export async function watchBars(id) {
  if (unsubscribe) {
    unsubscribe();
  }
  instrument = id;
  spec = null;
  pending = [];
  bars.clear();
  message('');
  draw();
  unsubscribe = subscribe(`bars:${id}`, (data) => {
    if (data === null) {
      load(id);
      return;
    }
    if (instrument !== id) {
      return;
    }
    if (spec === null) {
      pending.push(data);
      return;
    }
    if (data.spec !== spec) {
      return;
    }
    add(data);
    message('');
    draw();
  });
  await chartReady;
  if (!chart) {
    chart = timeChart(document.getElementById('bars-chart'), ['High', 'Close', 'Low']);
  }
  await load(id);
}

