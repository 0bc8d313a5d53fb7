// Time charts with uPlot (copied from its webjar into vendor/uplot at build; a global script, no CDN).

const COLORS = ['#2f80ed', '#27ae60', '#eb5757', '#f2994a', '#9b51e0', '#00a3a3'];
const MAX_POINTS = 3600;

function size(container) {
  return { width: Math.max(container.clientWidth, 320), height: 220 };
}

/**
 * A chart of series over time (x in seconds since the epoch).
 * @param {HTMLElement} container
 * @param {string[]} names the series
 */
export function timeChart(container, names) {
  const data = [[], ...names.map(() => [])];
  const options = {
    ...size(container),
    series: [{}, ...names.map((name, i) => ({ label: name, stroke: COLORS[i % COLORS.length], width: 2 }))],
    axes: [{}, { size: 70 }],
    legend: { live: false },
  };
  container.replaceChildren();
  const plot = new window.uPlot(options, data, container);
  const draw = () => {
    plot.setData(data);
    // one point alone would stretch the time axis over years: show the minute before it instead
    if (data[0].length === 1) {
      plot.setScale('x', { min: data[0][0] - 60, max: data[0][0] + 1 });
    }
    container.dataset.points = String(data[0].length);
  };
  new ResizeObserver(() => plot.setSize(size(container))).observe(container);
  return {
    plot,
    /** Appends one point per series at time t (seconds). */
    push(t, values) {
      data[0].push(t);
      values.forEach((v, i) => data[i + 1].push(v));
      if (data[0].length > MAX_POINTS) {
        data.forEach((column) => column.shift());
      }
      draw();
    },
    /** Replaces the whole data: [xs, ys1, ys2, ...]. */
    set(columns) {
      columns.forEach((column, i) => { data[i] = column; });
      draw();
    },
  };
}

export const chartReady = new Promise((resolve) => {
  if (window.uPlot) {
    resolve();
  } else {
    window.addEventListener('DOMContentLoaded', () => resolve());
  }
});
