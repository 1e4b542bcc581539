// Statistics: partnerships by country and status, plans by status, EUR by theme, source and call, for a year.
// Bars drawn here in SVG (no chart library), each chart followed by its figures as a table.
import { route, hashQuery, navigate } from '../app.js';
import { api } from '../api.js';
import { h, svg, showProblem, scrollable } from '../ui.js';
import { t, messages, formatNumber, formatMoney } from '../i18n.js';
import {
  PARTNERSHIP_STATUSES, PLAN_STATUSES, COUNTRIES, partnershipStatusName, planStatusName, themeName,
  fundingSourceName, countryName,
} from '../names.js';
import dictionary from '../messages/stats.json' with { type: 'json' };

messages(dictionary);

const ROW = 46;

/**
 * A horizontal bar chart: each row its label and figure on a line, its bar below (widths in % so the text keeps
 * its size on a narrow screen). rows: [{label, value, text, kind}]; kind picks the bar's colour class.
 */
function barChart(title, rows, testId) {
  const max = Math.max(...rows.map((r) => Number(r.value)), 0);
  const id = `chart-${testId}`;
  return svg('svg', {
    class: 'chart', width: '100%', height: rows.length * ROW + 4, role: 'img', 'aria-labelledby': `${id}-title`,
    'data-test': `chart-${testId}`,
  },
  svg('title', { id: `${id}-title` }, t('stats.chartOf', { title })),
  rows.map((row, i) => {
    const share = max > 0 ? (Number(row.value) / max) * 100 : 0;
    return svg('g', { 'data-test': 'bar', 'data-value': row.value },
      svg('text', { x: 0, y: i * ROW + 15 }, `${row.label}: ${row.text}`),
      svg('rect', { x: 0, y: i * ROW + 20, height: 16, width: `${Math.max(share, Number(row.value) > 0 ? 0.5 : 0)}%`,
        class: `bar ${row.kind ? `bar-${row.kind}` : ''}` }),
      svg('line', { class: 'axis', x1: 0, x2: 0, y1: i * ROW + 18, y2: i * ROW + 38 }));
  }));
}

function table(caption, headings, rows, testId) {
  return scrollable(caption, h('table', { 'data-test': `table-${testId}` },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((text, i) => h('th', { scope: 'col', class: i === headings.length - 1 ? 'number' : null }, text)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) => (i === 0
      ? h('th', { scope: 'row' }, cell)
      : h('td', { class: i === cells.length - 1 ? 'number' : null }, cell))))))));
}

function block(title, testId, rows, headings, cells, note) {
  const headingId = `stats-${testId}`;
  return h('section', { class: 'chart-block', 'aria-labelledby': headingId, 'data-test': `stats-${testId}` },
    h('h2', { id: headingId }, title),
    note ? h('p', {}, note) : null,
    rows.length ? [barChart(title, rows, testId), table(t('stats.figures', { title }), headings, cells, testId)]
      : h('p', { class: 'muted' }, t('stats.nothing')));
}

function partnershipBlocks(stats) {
  const rows = [];
  const cells = [];
  const countries = [...new Set([...COUNTRIES, ...Object.keys(stats.partnershipsByCountry || {})])];
  for (const country of countries) {
    const byStatus = stats.partnershipsByCountry?.[country] || {};
    for (const status of PARTNERSHIP_STATUSES) {
      const count = byStatus[status] || 0;
      rows.push({ label: `${countryName(country)} — ${partnershipStatusName(status)}`, value: count, text: formatNumber(count), kind: status });
      cells.push([countryName(country), partnershipStatusName(status), formatNumber(count)]);
    }
  }
  return block(t('stats.partnerships'), 'partnerships', stats.total ? rows : [],
    [t('stats.country'), t('stats.status'), t('stats.count')], cells,
    t('stats.partnershipsTotal', { count: formatNumber(stats.total) }));
}

function eurRows(map, name) {
  return Object.entries(map || {}).filter(([, eur]) => Number(eur) > 0)
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map(([key, eur]) => ({ label: name(key), value: Number(eur), text: formatMoney(Number(eur), 'EUR') }));
}

function planBlocks(stats) {
  const statusRows = PLAN_STATUSES.map((s) => {
    const count = stats.plansByStatus?.[s] || 0;
    return { label: planStatusName(s), value: count, text: formatNumber(count), kind: s };
  });
  const anyPlan = statusRows.some((r) => r.value > 0);
  const money = (title, testId, map, name, heading) => {
    const rows = eurRows(map, name);
    return block(title, testId, rows, [heading, t('stats.eur')], rows.map((r) => [r.label, r.text]));
  };
  return [
    block(t('stats.plans'), 'plans', anyPlan ? statusRows : [], [t('stats.status'), t('stats.count')],
      statusRows.map((r) => [r.label, r.text])),
    h('p', { 'data-test': 'funding-total' }, t('stats.fundingTotal', { amount: formatMoney(Number(stats.totalFundingEur || 0), 'EUR') })),
    money(t('stats.byTheme'), 'themes', stats.fundingByThemeEur, themeName, t('stats.theme')),
    money(t('stats.bySource'), 'sources', stats.fundingBySourceEur, fundingSourceName, t('stats.source')),
    money(t('stats.byCall'), 'calls', stats.eurByCall, (code) => code, t('stats.call')),
  ];
}

function yearForm(year) {
  const now = new Date().getUTCFullYear();
  const years = [];
  for (let y = now + 1; y >= 1990; y--) years.push(y);
  const chooser = h('select', { name: 'year', id: 'stats-year', 'data-test': 'year' },
    h('option', { value: '' }, t('stats.allYears')),
    years.map((y) => h('option', { value: y, selected: String(y) === year }, String(y))));
  const form = h('form', { class: 'filters', 'data-test': 'year-form' },
    h('label', { class: 'field', for: 'stats-year' }, h('span', {}, t('stats.year')), chooser),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', 'data-test': 'year-show' }, t('stats.show'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(chooser.value ? `#/stats?year=${chooser.value}` : '#/stats');
  });
  return form;
}

async function section(path, draw) {
  const holder = h('div');
  try {
    const { body } = await api(path);
    holder.append(...[draw(body)].flat());
  } catch (problem) {
    showProblem(holder, problem);
  }
  return holder;
}

route('#/stats', async (params, main) => {
  const year = hashQuery().get('year') || '';
  const query = /^\d{4}$/.test(year) ? `?year=${year}` : '';
  main.append(h('h1', {}, t('stats.title')), yearForm(year));
  const parts = await Promise.all([
    section(`/api/partnerships/stats${query}`, partnershipBlocks),
    section(`/api/plans/stats${query}`, planBlocks),
  ]);
  main.append(...parts);
});
