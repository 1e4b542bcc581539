// The network: a map of the partnerships (a line between the towns of each) and their list, with filters.
import { route, hashQuery, navigate } from '../app.js';
import { api } from '../api.js';
import { h, svg, scrollable } from '../ui.js';
import { t, messages, formatNumber, formatDate } from '../i18n.js';
import {
  THEMES, PARTNERSHIP_STATUSES, COUNTRIES, themeName, partnershipStatusName, countryName,
} from '../names.js';
import dictionary from '../messages/network.json' with { type: 'json' };

messages(dictionary);

const FILTERS = ['country', 'theme', 'status', 'localAuthorityId'];

const LINE_STYLE = { ACTIVE: 'network.solid', DORMANT: 'network.dashed', ENDED: 'network.dotted' };

/** A partnership named by its partners: "Nevers – Kraljevo". */
export function partnershipName(partnership) {
  return partnership.partners.map((p) => p.name).join(' – ');
}

/** Every partnership the API's filters find (pages of 200). */
async function allPartnerships(filters) {
  const found = [];
  for (let page = 0; page < 50; page++) {
    const query = new URLSearchParams({ ...filters, page, size: 200 });
    const { body } = await api(`/api/partnerships?${query}`);
    found.push(...(body.content || []));
    if (!body.page || body.page.number + 1 >= body.page.totalPages) break;
  }
  return found;
}

async function authorities() {
  const { body } = await api('/api/local-authorities?size=200');
  return (body.content || []).slice().sort((a, b) => a.name.localeCompare(b.name));
}

let outlines;

function countryOutlines() {
  outlines ||= fetch('/console/vendor/world-atlas/europe-50m.json').then((r) => {
    if (!r.ok) throw new Error(`map outlines: ${r.status}`);
    return r.json();
  });
  outlines.catch(() => { outlines = undefined; });
  return outlines;
}

// what the map shows: from Brittany to the east of Serbia (west, south, east, north)
const VIEW = [-4.8, 41.6, 24, 51.1];
const WIDTH = 960;
const FRANCE = '250';
const SERBIA = '688';
const RADIANS = Math.PI / 180;

/**
 * Lambert's conformal conic on the sphere (standard parallels 43° and 49°, centred on 9° E), as the EU's maps
 * of Europe: written here in a few lines rather than loading d3-geo's projections (50 kB of the 200 kB of
 * JavaScript the console may load). Answers SVG coordinates (y down), before scaling.
 */
function lambert(parallel1 = 43, parallel2 = 49, meridian = 9) {
  const f1 = parallel1 * RADIANS;
  const f2 = parallel2 * RADIANS;
  const tangent = (f) => Math.tan(Math.PI / 4 + f / 2);
  const n = Math.log(Math.cos(f1) / Math.cos(f2)) / Math.log(tangent(f2) / tangent(f1));
  const F = (Math.cos(f1) * tangent(f1) ** n) / n;
  return (longitude, latitude) => {
    const rho = F / tangent(latitude * RADIANS) ** n;
    const theta = n * (longitude - meridian) * RADIANS;
    return [rho * Math.sin(theta), rho * Math.cos(theta)];
  };
}

/** The projection scaled so that VIEW fills WIDTH: [project(lon, lat) → [x, y], height]. */
function fitted() {
  const raw = lambert();
  const [west, south, east, north] = VIEW;
  const edge = [];
  for (let i = 0; i <= 20; i++) {
    const lon = west + ((east - west) * i) / 20;
    const lat = south + ((north - south) * i) / 20;
    edge.push(raw(lon, south), raw(lon, north), raw(west, lat), raw(east, lat));
  }
  const xs = edge.map(([x]) => x);
  const ys = edge.map(([, y]) => y);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  const scale = WIDTH / (Math.max(...xs) - x0);
  const project = (lon, lat) => {
    const [x, y] = raw(lon, lat);
    return [(x - x0) * scale, (y - y0) * scale];
  };
  return [project, Math.ceil((Math.max(...ys) - y0) * scale)];
}

/**
 * An SVG map of the partnerships: each a line (one <path>) between its partners' towns, coloured and dashed
 * by status. Partners without a place are left out (the list names them). Throws when the map cannot be drawn.
 * Outlines beyond the view are cut by the SVG's own viewBox.
 */
export async function partnershipMap(partnerships, { label, description }) {
  const [{ default: geoPath }, { default: geoTransform }, world] = await Promise.all([
    import('d3-geo/path/index.js'), import('d3-geo/transform.js'), countryOutlines(),
  ]);
  const [project, height] = fitted();
  const path = geoPath(geoTransform({
    point(lon, lat) {
      this.stream.point(...project(lon, lat));
    },
  })).digits(1);
  const id = `map-${Math.random().toString(36).slice(2)}`;
  const towns = new Map();
  const lines = [];
  for (const partnership of partnerships) {
    const placed = partnership.partners.filter((p) => p.latitude != null && p.longitude != null);
    if (placed.length < 2 || placed.length < partnership.partners.length) continue;
    placed.forEach((p) => towns.set(p.id, p));
    const [first, ...others] = placed;
    const geometry = { type: 'MultiLineString',
      coordinates: others.map((p) => [[first.longitude, first.latitude], [p.longitude, p.latitude]]) };
    lines.push(svg('path', {
      class: `partnership ${partnership.status}`, d: path(geometry), 'data-test': 'partnership-line',
      'data-id': partnership.id, 'data-status': partnership.status,
      onclick: () => navigate(`#/partnerships/${encodeURIComponent(partnership.id)}`),
    }, svg('title', {}, `${partnershipName(partnership)} (${partnershipStatusName(partnership.status)})`)));
  }
  const label2 = (code, lon, lat) => {
    const [x, y] = project(lon, lat);
    return svg('text', { x, y, class: 'country-name', 'text-anchor': 'middle' }, countryName(code));
  };
  return svg('svg', {
    class: 'map', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    'data-test': 'map', 'data-lines': lines.length, preserveAspectRatio: 'xMidYMid meet',
  },
  svg('title', { id: `${id}-title` }, label),
  svg('desc', { id: `${id}-desc` }, description),
  svg('g', {}, world.features.map((country) => svg('path', {
    class: country.id === FRANCE || country.id === SERBIA ? 'land focus' : 'land', d: path(country),
  }))),
  label2('FR', 0.2, 47.6), label2('RS', 22.0, 42.6),
  svg('g', {}, lines),
  svg('g', {}, [...towns.values()].map((town) => {
    const [x, y] = project(town.longitude, town.latitude);
    return svg('g', { 'data-test': 'town', 'data-id': town.id },
      svg('circle', { class: 'town', cx: x, cy: y, r: 3.5 }),
      svg('text', { class: 'town-name', x: x + 6, y: y - 4 }, town.name));
  })));
}

function legend(counts) {
  return h('ul', { class: 'legend', 'data-test': 'legend' }, PARTNERSHIP_STATUSES.map((status) => h('li', {},
    svg('svg', { viewBox: '0 0 48 12', 'aria-hidden': 'true', class: 'map' },
      svg('line', { x1: 2, y1: 6, x2: 46, y2: 6, class: `partnership ${status}` })),
    `${partnershipStatusName(status)} (${t(LINE_STYLE[status])}): ${formatNumber(counts[status] || 0)}`)));
}

function select(name, label, options, value) {
  return h('label', { class: 'field' }, h('span', {}, label),
    h('select', { name, 'data-test': `filter-${name}` },
      h('option', { value: '' }, t('network.any')),
      options.map(([code, text]) => h('option', { value: code, selected: code === value }, text))));
}

function filterForm(chosen, towns) {
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('network.filters'), 'data-test': 'filters' },
    select('country', t('network.country'), COUNTRIES.map((c) => [c, countryName(c)]), chosen.country),
    select('theme', t('network.theme'), THEMES.map((c) => [c, themeName(c)])
      .sort((a, b) => a[1].localeCompare(b[1])), chosen.theme),
    select('status', t('network.status'), PARTNERSHIP_STATUSES.map((c) => [c, partnershipStatusName(c)]), chosen.status),
    select('localAuthorityId', t('network.authority'), towns.map((a) => [a.id, a.name]), chosen.localAuthorityId),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button', 'data-test': 'filter-apply' }, t('network.apply')),
      h('a', { href: '#/network', class: 'button secondary', 'data-test': 'filter-reset' }, t('network.reset'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name].value;
      if (value) query.set(name, value);
    }
    navigate(query.size ? `#/network?${query}` : '#/network');
  });
  return form;
}

function list(partnerships) {
  if (!partnerships.length) return h('p', { 'data-test': 'no-partnership' }, t('network.none'));
  const caption = t('network.caption', { count: formatNumber(partnerships.length) });
  return scrollable(caption, h('table', { 'data-test': 'partnerships' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {},
      [t('network.partners'), t('network.countries'), t('network.since'), t('network.themes'), t('network.status')]
        .map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, partnerships.map((p) => h('tr', { 'data-test': 'partnership-row', 'data-id': p.id },
      h('th', { scope: 'row' }, h('a', { href: `#/partnerships/${encodeURIComponent(p.id)}`, 'data-test': 'partnership-link' },
        partnershipName(p))),
      h('td', {}, [...new Set(p.partners.map((x) => x.country))].map(countryName).join(', ')),
      h('td', {}, p.since ?? (p.history?.[0] ? formatDate(p.history[0].at, { year: 'numeric' }) : '')),
      h('td', {}, p.themes.map(themeName).join(', ')),
      h('td', {}, h('span', { class: `status status-${p.status}` }, partnershipStatusName(p.status))))))));
}

route('#/network', async (params, main) => {
  const query = hashQuery();
  const chosen = Object.fromEntries(FILTERS.filter((f) => query.get(f)).map((f) => [f, query.get(f)]));
  main.append(h('h1', {}, t('network.title')));
  const [partnerships, towns] = await Promise.all([allPartnerships(chosen), authorities().catch(() => [])]);
  const counts = Object.fromEntries(PARTNERSHIP_STATUSES.map((s) => [s, partnerships.filter((p) => p.status === s).length]));
  const mapSection = h('section', { 'aria-labelledby': 'network-map' }, h('h2', { id: 'network-map' }, t('network.map')));
  main.append(filterForm(chosen, towns), mapSection,
    h('section', { 'aria-labelledby': 'network-list' }, h('h2', { id: 'network-list' }, t('network.list')), list(partnerships)));
  try {
    const map = await partnershipMap(partnerships, {
      label: t('network.mapTitle'),
      description: t('network.mapDesc', { count: partnerships.length, ...counts }),
    });
    mapSection.append(map, legend(counts));
    const unplaced = partnerships.filter((p) => p.partners.some((x) => x.latitude == null)).length;
    if (unplaced) mapSection.append(h('p', { class: 'muted' }, t('network.unplaced', { count: formatNumber(unplaced) })));
  } catch (failure) {
    console.error(failure);
    mapSection.append(h('p', { class: 'muted', 'data-test': 'map-unavailable' }, t('network.mapUnavailable')));
  }
});
