// Partner searches: open one, see its matches with their reasons, close it.
import { route, hashQuery, navigate } from '../app.js';
import { api, currentSession } from '../api.js';
import { t, messages, formatDate } from '../i18n.js';
import { h, announce } from '../ui.js';
import { THEMES, themeLabel, statusLabel, field, select, checkboxes, checked, value, pager, hashOf, table, add, anyOr, filters, commandForm } from './_forms.js';
import dictionary from '../messages/searches.json' with { type: 'json' };

messages(dictionary);

route('#/searches', async (params, main) => {
  const query = hashQuery();
  const status = query.get('status') || 'OPEN';
  const page = Number(query.get('page') || 0);
  const [answer, session] = await Promise.all([
    api(`/api/partner-searches?${new URLSearchParams({ ...(status !== 'ANY' && { status }), page, size: 20 })}`),
    currentSession(),
  ]);
  const searches = answer.body.content || [];
  add(main, 
    h('h1', {}, t('search.title')),
    filters('#/searches', field(t('search.status'), select('status', ['OPEN', 'CLOSED', 'ANY'], anyOr(statusLabel), { selected: status }))),
    searches.length === 0 ? h('p', {}, t('search.none')) : table({ 'data-test': 'searches' },
      h('caption', {}, t('search.caption')),
      h('thead', {}, h('tr', {}, [t('search.searcher'), t('search.themes'), t('search.countries'), t('search.openUntil'), t('search.status')]
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, searches.map((search) => h('tr', { 'data-test': 'search-row' },
        h('td', {}, h('a', { href: `#/searches/${encodeURIComponent(search.id)}`, 'data-test': 'search-link' }, search.localAuthority.name)),
        h('td', {}, [...search.themes].map(themeLabel).join(', ')),
        h('td', {}, search.countries.join(', ')),
        h('td', {}, formatDate(search.openUntil)),
        h('td', {}, statusLabel(search.status)))))),
    pager(answer.body.page, (n) => hashOf('#/searches', { status, page: n })),
    h('h2', { id: 'open-search' }, t('search.open')),
    await openForm(session),
  );
});

/** The form to open a search, for the local authorities the person acts for (a steward: any). */
async function openForm(session) {
  if (!session) return h('p', { class: 'why-not', 'data-test': 'open-search-reason' }, t('search.signIn'));
  const all = (await api('/api/local-authorities?size=200')).body.content || [];
  const authorities = session.steward ? all : all.filter((a) => a.code && session.actsFor.includes(a.code));
  if (authorities.length === 0) return h('p', { class: 'why-not', 'data-test': 'open-search-reason' }, t('search.noAuthority'));
  const until = new Date(Date.now() + 180 * 864e5).toISOString().slice(0, 10);
  return commandForm({ 'data-test': 'open-search' }, { path: '/api/partner-searches', body: (form) => ({
    localAuthorityId: value(form, 'localAuthorityId'), themes: checked(form, 'themes'),
    countries: (value(form, 'countries') || '').split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()),
    description: value(form, 'description'), openUntil: value(form, 'openUntil') }),
  done: (answer) => {
    announce(t('search.opened'));
    navigate(`#/searches/${encodeURIComponent(answer.body.id)}`);
  } },
  field(t('search.authority'), h('select', { name: 'localAuthorityId' },
    authorities.map((a) => h('option', { value: a.id }, `${a.name} (${a.country})`)))),
  checkboxes('themes', t('search.themes'), THEMES, themeLabel),
  field(t('search.countries'), h('input', { name: 'countries', value: 'FR', autocapitalize: 'characters' }), t('search.countriesHint')),
  field(t('search.description'), h('textarea', { name: 'description', rows: 3, required: true })),
  field(t('search.openUntil'), h('input', { name: 'openUntil', type: 'date', value: until, required: true })),
  h('button', { type: 'submit', class: 'button', 'data-test': 'submit-search' }, t('search.submit')));
}

route('#/searches/:id', async ({ id }, main) => {
  const path = `/api/partner-searches/${encodeURIComponent(id)}`;
  const [answer, matches, session] = await Promise.all([api(path), api(`${path}/matches`), currentSession()]);
  const search = answer.body;
  add(main, 
    h('p', {}, h('a', { href: '#/searches' }, t('search.back'))),
    h('h1', {}, search.localAuthority.name),
    h('p', { 'data-test': 'search-status' }, statusLabel(search.status), ' · ',
      t('search.openedBy', { date: formatDate(search.openedAt), by: search.openedBy })),
    h('p', {}, search.description),
    h('dl', { class: 'facts' },
      h('dt', {}, t('search.themes')), h('dd', {}, [...search.themes].map(themeLabel).join(', ')),
      h('dt', {}, t('search.countries')), h('dd', {}, search.countries.join(', ')),
      h('dt', {}, t('search.openUntil')), h('dd', {}, formatDate(search.openUntil))),
    search.closure ? h('p', { 'data-test': 'search-closure' }, t('search.closedOn',
      { date: formatDate(search.closure.at), by: search.closure.by, reason: search.closure.reason })) : null,
    h('h2', {}, t('search.matches')),
    matches.body.length === 0 ? h('p', {}, t('search.noMatch')) : h('ol', { class: 'matches', 'data-test': 'matches' },
      matches.body.map((match) => h('li', { 'data-test': 'match' },
        h('p', {}, h('strong', {}, match.localAuthority.name), ` (${match.localAuthority.country}) · `,
          t('search.score', { score: match.score }),
          match.searchId ? [' · ', h('a', { href: `#/searches/${encodeURIComponent(match.searchId)}` }, t('search.mutual'))] : null),
        h('ul', {}, match.reasons.map((reason) => h('li', { 'data-test': 'match-reason' }, reason)))))),
    search.status === 'OPEN' ? closeSection(search, answer.headers.get('ETag'), session) : null,
  );
});

function closeSection(search, etag, session) {
  const code = search.localAuthority.code;
  const may = session && (session.steward || (code && session.actsFor.includes(code)));
  if (!may) {
    return h('section', {}, h('h2', {}, t('search.close')),
      h('p', { class: 'why-not', 'data-test': 'close-search-reason' }, session ? t('search.mayNotClose', { authority: search.localAuthority.name }) : t('f.signInFirst')));
  }
  const form = commandForm({ 'data-test': 'close-search' }, { path: `/api/partner-searches/${encodeURIComponent(search.id)}/closure`,
    etag, body: (f) => ({ reason: value(f, 'reason'), partnershipId: value(f, 'partnershipId') }),
    done: () => {
      announce(t('search.closed'));
      navigate(`#/searches/${encodeURIComponent(search.id)}`);
    } },
  field(t('search.reason'), h('input', { name: 'reason', required: true, maxlength: 1000 })),
  field(t('search.partnership'), h('input', { name: 'partnershipId' })),
  h('button', { type: 'submit', class: 'button', 'data-test': 'submit-close-search' }, t('search.close')));
  return h('section', {}, h('h2', {}, t('search.close')), form);
}
