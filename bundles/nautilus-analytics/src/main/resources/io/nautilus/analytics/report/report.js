/* Nautilus performance report: draws the charts from the inline data with uPlot. Each chart's container gets
   data-drawn="true" and data-series-pixels=N (coloured pixels inside the plot area) once it has drawn. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var xs = data.days.map(function (d) { return d * 86400; });
  var charts = [];

  function utc(ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); }
  function pct(v, digits) { return v == null ? '–' : (v * 100).toFixed(digits == null ? 1 : digits) + '%'; }
  function num(v) { return v == null ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }); }
  function hasValue(values) {
    for (var i = 0; i < values.length; i++) { if (values[i] != null) { return true; } }
    return false;
  }

  function mark(el) {
    return function (u) {
      var b = u.bbox;
      var w = Math.max(1, Math.floor(b.width));
      var h = Math.max(1, Math.floor(b.height));
      var px = u.ctx.getImageData(Math.floor(b.left), Math.floor(b.top), w, h).data;
      var n = 0;
      for (var i = 0; i < px.length; i += 4) {
        var hi = Math.max(px[i], px[i + 1], px[i + 2]);
        var lo = Math.min(px[i], px[i + 1], px[i + 2]);
        if (px[i + 3] > 0 && hi - lo > 48) { n++; }
      }
      el.setAttribute('data-series-pixels', String(n));
      el.setAttribute('data-drawn', 'true');
    };
  }

  function plot(name, height, opts, columns, emptyText) {
    var el = document.getElementById('chart-' + name);
    if (!el) { return; }
    var any = false;
    for (var s = 1; s < columns.length; s++) { any = any || hasValue(columns[s]); }
    if (!columns[0].length || !any) {
      el.textContent = emptyText;
      el.className += ' empty';
      return;
    }
    opts.width = Math.max(300, el.clientWidth);
    opts.height = height;
    opts.hooks = { draw: [mark(el)] };
    charts.push([new uPlot(opts, columns, el), el]);
  }

  var dateSeries = { label: 'Date', value: '{YYYY}-{MM}-{DD}' };

  var equitySeries = [dateSeries, { label: 'Strategy', stroke: '#2563eb', width: 2, value: function (u, v) { return num(v); } }];
  var equityColumns = [xs, data.equity];
  if (data.benchmark) {
    equitySeries.push({ label: 'Benchmark', stroke: '#f59e0b', width: 1.5, value: function (u, v) { return num(v); } });
    equityColumns.push(data.benchmark);
  }
  plot('equity', 320, {
    tzDate: utc,
    series: equitySeries,
    axes: [{}, { size: 70, values: function (u, vals) { return vals.map(num); } }]
  }, equityColumns, 'No equity data.');

  plot('underwater', 200, {
    tzDate: utc,
    series: [dateSeries, { label: 'Drawdown', stroke: '#dc2626', fill: 'rgba(220, 38, 38, 0.25)', width: 1.5,
      value: function (u, v) { return pct(v, 2); } }],
    axes: [{}, { size: 70, values: function (u, vals) { return vals.map(function (v) { return pct(v); }); } }]
  }, [xs, data.underwater], 'No drawdown data.');

  var h = data.histogram;
  plot('histogram', 260, {
    scales: { x: { time: false, range: function (u, min, max) { return [min - h.width, max + h.width]; } } },
    series: [{ label: 'Return', value: function (u, v) { return pct(v, 2); } },
      { label: 'Periods', stroke: '#4f46e5', fill: 'rgba(79, 70, 229, 0.55)', width: 1,
        paths: uPlot.paths.bars({ size: [0.92, Infinity], align: 0 }), points: { show: false } }],
    axes: [{ values: function (u, vals) { return vals.map(function (v) { return pct(v); }); } }, { size: 50 }]
  }, [h.centers, h.counts], 'No returns.');

  plot('rolling', 260, {
    tzDate: utc,
    scales: { sharpe: {}, vol: {} },
    series: [dateSeries,
      { label: 'Sharpe', scale: 'sharpe', stroke: '#0891b2', width: 1.5, value: function (u, v) { return v == null ? '–' : v.toFixed(2); } },
      { label: 'Volatility', scale: 'vol', stroke: '#d97706', width: 1.5, value: function (u, v) { return pct(v); } }],
    axes: [{}, { scale: 'sharpe', size: 50, label: 'Sharpe' },
      { scale: 'vol', side: 1, size: 60, label: 'Volatility', grid: { show: false },
        values: function (u, vals) { return vals.map(function (v) { return pct(v, 0); }); } }]
  }, [xs, data.rollingSharpe, data.rollingVolatility],
  'Fewer periods than the rolling window (' + data.rollingWindow + ').');

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c[0].setSize({ width: Math.max(300, c[1].clientWidth), height: c[0].height }); });
  });
  document.documentElement.setAttribute('data-height', String(document.documentElement.scrollHeight));
})();
