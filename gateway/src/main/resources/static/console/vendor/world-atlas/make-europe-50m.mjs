// Makes the console's map outlines: the countries of world-atlas's countries-50m (Natural Earth 1:50m)
// that lie in the view from France to Serbia, as GeoJSON with coordinates rounded to 0.01° (about 1 km).
// Made once, not at build time:
//   npm install world-atlas@2.0.2 topojson-client@3.1.0 && node make-europe-50m.mjs europe-50m.json
// world-atlas: ISC licence (LICENSE here); Natural Earth's data: public domain (naturalearthdata.com).
import fs from 'fs';
import { feature } from 'topojson-client';
const world = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8'));
const [W, S, E, N] = [-6, 40, 25, 52];
const round = (x) => Math.round(x * 100) / 100;
const countries = feature(world, world.objects.countries).features.filter((f) => {
  let hit = false;
  const visit = (c) => (typeof c[0] === 'number' ? (hit ||= c[0] >= W && c[0] <= E && c[1] >= S && c[1] <= N) : c.forEach(visit));
  visit(f.geometry.coordinates);
  return hit;
});
const roundAll = (c) => (typeof c[0] === 'number' ? [round(c[0]), round(c[1])] : c.map(roundAll).map((ring) => ring));
const dedupe = (ring) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
const clean = (g) => g.type === 'Polygon' ? { type: g.type, coordinates: roundAll(g.coordinates).map(dedupe).filter((r) => r.length >= 4) }
  : { type: g.type, coordinates: roundAll(g.coordinates.filter(inView)).map((p) => p.map(dedupe).filter((r) => r.length >= 4)).filter((p) => p.length) };
function inView(polygon) { let hit = false; const visit = (c) => (typeof c[0] === 'number' ? (hit ||= c[0] >= W && c[0] <= E && c[1] >= S && c[1] <= N) : c.forEach(visit)); visit(polygon); return hit; }
const out = { type: 'FeatureCollection', features: countries.map((f) => ({ type: 'Feature', id: f.id ?? null, properties: { name: f.properties.name }, geometry: clean(f.geometry) })) };
fs.writeFileSync(process.argv[2], JSON.stringify(out));
console.log(out.features.map((f) => `${f.id}:${f.properties.name}`).join(' '));
