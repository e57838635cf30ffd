/**
 * The dashboard's own script, served as /assets/dashboard.js: it only enhances pages that already
 * work without it. Charts: every `table[data-chart]` (a time series: first column the hour, one
 * column per series) gets a uPlot chart drawn above it, and its <details> wrapper is closed so the
 * table stays one click away for screen readers and copy-paste. It reads cell text only (never
 * HTML) and adds nothing from the page into the DOM as markup.
 */
export const DASHBOARD_JS = `(() => {
  'use strict';
  const COLORS = { deny: '#b42318', ask: '#b7791f', allow: '#1e6b3a', p50: '#1f5fbf', p99: '#7c3aed' };
  function drawCharts(root) {
    if (typeof window.uPlot !== 'function') return;
    root.querySelectorAll('table[data-chart]').forEach((table) => {
      if (table.dataset.drawn) return;
      table.dataset.drawn = '1';
      const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim());
      const rows = Array.from(table.querySelectorAll('tbody tr'));
      if (rows.length === 0) return;
      const columns = heads.map(() => []);
      rows.forEach((row) => {
        const cells = row.querySelectorAll('th, td');
        const time = Date.parse(cells[0].getAttribute('data-value') || cells[0].textContent.trim());
        columns[0].push(time / 1000);
        for (let i = 1; i < heads.length; i++) columns[i].push(Number(cells[i] ? cells[i].textContent : 0) || 0);
      });
      const holder = document.createElement('div');
      holder.className = 'chart';
      holder.setAttribute('role', 'img');
      holder.setAttribute('aria-label', table.getAttribute('data-chart'));
      const details = table.closest('details');
      (details || table).before(holder);
      const width = Math.max(280, holder.clientWidth || 600);
      const series = [{}].concat(heads.slice(1).map((label) => ({
        label, stroke: COLORS[label.split(' ')[0]] || '#1f5fbf', width: 2,
      })));
      new window.uPlot({ width, height: 220, series, axes: [{}, { size: 50 }] }, columns, holder);
      if (details) details.open = false;
    });
  }
  document.addEventListener('DOMContentLoaded', () => drawCharts(document));
  // After a live refresh (an outerHTML swap) draw whatever table came in; drawn ones are marked.
  document.addEventListener('htmx:afterSettle', () => drawCharts(document));
})();
`;
