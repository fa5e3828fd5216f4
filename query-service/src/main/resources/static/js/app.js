// The web UI's only script: draws the charts from their data attributes, refreshes a live page when the server
// says the views changed, and follows a running rebuild. No inline script anywhere (the CSP forbids it).
'use strict';
(function () {
  const charts = [];

  function figure(value, unit) {
    if (value === null || value === undefined) {
      return '—';
    }
    const english = document.documentElement.lang === 'en';
    const digits = Math.abs(value).toLocaleString('ja-JP', {maximumFractionDigits: 3});
    return (value < 0 ? (english ? '−' : '▲') : '') + digits + (unit || '');
  }

  function drawCharts() {
    if (!window.Chart) {
      return;
    }
    charts.splice(0).forEach(function (chart) { chart.destroy(); });
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      const data = JSON.parse(canvas.dataset.chart);
      // a year whose total lacks some members is a hollow point on a dashed segment, never a solid point
      const complete = data.complete || data.actual.map(function () { return true; });
      // (a year with only a target has no point to draw, hollow or not)
      const hollow = complete.map(function (c, i) { return !c && data.actual[i] !== null && data.actual[i] !== undefined; });
      const datasets = [
        {label: canvas.dataset.labelActual, data: data.actual, borderColor: '#1f5fa8',
          backgroundColor: '#1f5fa8', pointStyle: 'circle', spanGaps: true, pointRadius: 4, pointBorderWidth: 2,
          pointBackgroundColor: hollow.map(function (h) { return h ? '#ffffff' : '#1f5fa8'; }),
          segment: {borderDash: function (context) {
            return hollow[context.p0DataIndex] || hollow[context.p1DataIndex] ? [6, 4] : undefined;
          }}},
        {label: canvas.dataset.labelTarget, data: data.target, borderColor: '#a34a00',
          backgroundColor: '#a34a00', borderDash: [6, 4], pointStyle: 'rectRot', spanGaps: true}
      ];
      if (hollow.some(function (h) { return h; })) {
        // a legend entry only: no data of its own, drawn as the hollow point the chart uses
        datasets.push({label: canvas.dataset.labelIncomplete, data: [], borderColor: '#1f5fa8',
          backgroundColor: '#ffffff', pointStyle: 'circle', borderDash: [6, 4], pointBorderWidth: 2});
      }
      // what the chart was given, for a reader of the page (and its tests) to check without reading the canvas
      canvas.dataset.hollowPoints = JSON.stringify(hollow.map(function (h, i) { return h ? i : -1; })
        .filter(function (i) { return i >= 0; }));
      canvas.dataset.legend = JSON.stringify(datasets.map(function (d) { return d.label; }));
      charts.push(new window.Chart(canvas, {
        type: 'line',
        data: {labels: data.labels, datasets: datasets},
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {y: {ticks: {callback: function (value) { return figure(value, data.unit); }}}},
          plugins: {legend: {labels: {usePointStyle: true}},
            tooltip: {callbacks: {label: function (context) {
            const incomplete = context.datasetIndex === 0 && hollow[context.dataIndex];
            return context.dataset.label + ': ' + figure(context.parsed.y, data.unit)
              + (incomplete ? ' (' + canvas.dataset.labelIncomplete + ')' : '');
          }}}}
        }
      }));
    });
  }

  function refresh() {
    fetch(window.location.href, {credentials: 'same-origin', headers: {'X-Requested-With': 'refresh'}})
      .then(function (response) {
        if (!response.ok || response.redirected) {
          window.location.reload();
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('content');
        const current = document.getElementById('content');
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          drawCharts();
          document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || '0') + 1);
        }
      })
      .catch(function () { /* the next change event tries again */ });
  }

  function live() {
    if (document.body.dataset.live !== 'true' || !window.EventSource) {
      return;
    }
    const source = new window.EventSource('/live');
    let waiting = false;
    source.addEventListener('changed', function () {
      if (!waiting) {
        waiting = true;
        // one refetch for a burst of changes
        window.setTimeout(function () { waiting = false; refresh(); }, 150);
      }
    });
  }

  function followRebuild() {
    const run = document.getElementById('rebuild-run');
    if (!run || run.dataset.state !== 'RUNNING') {
      return;
    }
    const labels = document.getElementById('rebuild-labels').dataset;
    const tick = function () {
      fetch(run.dataset.statusUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) { return response.json(); })
        .then(function (status) {
          document.getElementById('rebuild-replayed').textContent = figure(status.replayedEvents, '');
          document.getElementById('rebuild-total').textContent = figure(status.totalEvents, '');
          document.getElementById('rebuild-progress').value =
            status.totalEvents === 0 ? 100 : Math.floor(status.replayedEvents * 100 / status.totalEvents);
          document.getElementById('rebuild-state').textContent = labels[status.state.toLowerCase()] || status.state;
          run.dataset.state = status.state;
          if (status.state === 'RUNNING') {
            window.setTimeout(tick, 500);
          } else if (status.result) {
            // finished: the page itself shows the verdict with each differing table, as on any later visit
            window.location.reload();
          }
        })
        .catch(function () { window.setTimeout(tick, 2000); });
    };
    tick();
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    live();
    followRebuild();
  });

  // A form's year select fills the form's fields with that year's current figures (data-fill-* of the option),
  // a year select of class auto-submit shows the chosen year at once, and a unit chip fills the unit field.
  document.addEventListener('change', function (event) {
    const select = event.target;
    if (select.matches && select.matches('select.prefill')) {
      const option = select.options[select.selectedIndex];
      Object.keys(option.dataset).forEach(function (key) {
        if (key.indexOf('fill') === 0 && key.length > 4) {
          const name = key.charAt(4).toLowerCase() + key.slice(5);
          const field = select.form.elements[name];
          if (field) {
            field.value = option.dataset[key];
          }
        }
      });
      const current = select.form.querySelector('.current');
      if (current && option.dataset.current !== undefined) {
        current.textContent = option.dataset.current;
      }
    }
    if (select.matches && select.matches('select.auto-submit')) {
      select.form.submit();
    }
  });
  document.addEventListener('click', function (event) {
    const chip = event.target.closest ? event.target.closest('button.chip[data-unit]') : null;
    if (chip) {
      const field = chip.form.elements.unit;
      field.value = chip.dataset.unit;
      field.focus();
    }
  });

  // The "as of" field is text (和暦 or western, to the second); its calendar button opens the browser's own date
  // picker, whose choice is written into the field as the page's language writes a day, keeping a typed time.
  document.addEventListener('click', function (event) {
    if (event.target.id === 'as-of-calendar-button') {
      const calendar = document.getElementById('as-of-calendar');
      if (calendar.showPicker) {
        calendar.showPicker();
      } else {
        calendar.focus();
      }
    }
  });
  document.addEventListener('change', function (event) {
    if (event.target.id !== 'as-of-calendar' || !event.target.value) {
      return;
    }
    const field = document.getElementById('as-of-input');
    const time = (field.value.match(/\d{1,2}:\d{2}(:\d{2})?\s*$/) || [''])[0];
    const parts = event.target.value.split('-').map(Number);
    const day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], 12));
    let written = event.target.value;
    if (document.documentElement.lang !== 'en') {
      const part = {};
      new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {era: 'long', year: 'numeric', timeZone: 'UTC'})
        .formatToParts(day).forEach(function (p) { part[p.type] = p.value; });
      // the first year of an era is 元年, as the server writes it
      written = part.era + (part.year === '1' ? '元' : part.year) + '年' + parts[1] + '月' + parts[2] + '日';
    }
    field.value = written + (time ? ' ' + time.trim() : '');
    field.removeAttribute('aria-invalid');
    field.focus();
  });
}());
