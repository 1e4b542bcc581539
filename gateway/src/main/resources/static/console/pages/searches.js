// Partner searches: open one, see its matches with their reasons, close it.
import { route, hashQuery, navigate } from '../app.js';
import { api, currentSession } from '../api.js';
import { t, messages, formatDate } from '../i18n.js';
import { h, announce, busy, clearProblem } from '../ui.js';
import { THEMES, themeLabel, statusLabel, field, select, checkboxes, checked, value, showFormProblem, pager, hashOf, table, add } from './_forms.js';

messages({
  en: {
    'search.title': 'Partner searches', 'search.status': 'Status', 'search.none': 'No search matches.',
    'search.searcher': 'Who searches', 'search.themes': 'Themes', 'search.countries': 'Countries',
    'search.openUntil': 'Open until', 'search.open': 'Open a search', 'search.authority': 'Local authority',
    'search.countriesHint': 'Country codes, separated by commas, e.g. FR, RS', 'search.description': 'What you look for',
    'search.submit': 'Open the search', 'search.opened': 'The search is open.', 'search.signIn': 'Sign in to open a search.',
    'search.noAuthority': 'You act for no local authority: a search is opened for one you act for (stewards: for any).',
    'search.back': 'All partner searches', 'search.matches': 'Who could partner', 'search.noMatch': 'Nobody matches yet.',
    'search.score': 'Score {score}', 'search.mutual': 'They are looking for you too',
    'search.close': 'Close the search', 'search.reason': 'Why', 'search.partnership': 'The partnership it led to (if any)',
    'search.closed': 'The search is closed.', 'search.closedOn': 'Closed on {date} by {by}: {reason}',
    'search.mayNotClose': 'Only {authority}’s representatives and stewards close this search.',
    'search.openedBy': 'Opened on {date} by {by}', 'search.caption': 'Partner searches',
  },
  fr: {
    'search.title': 'Recherches de partenaires', 'search.status': 'Statut', 'search.none': 'Aucune recherche ne correspond.',
    'search.searcher': 'Qui cherche', 'search.themes': 'Thèmes', 'search.countries': 'Pays',
    'search.openUntil': 'Ouverte jusqu’au', 'search.open': 'Ouvrir une recherche', 'search.authority': 'Collectivité',
    'search.countriesHint': 'Codes de pays séparés par des virgules, par exemple FR, RS', 'search.description': 'Ce que vous cherchez',
    'search.submit': 'Ouvrir la recherche', 'search.opened': 'La recherche est ouverte.', 'search.signIn': 'Connectez-vous pour ouvrir une recherche.',
    'search.noAuthority': 'Vous n’agissez pour aucune collectivité : une recherche s’ouvre pour une collectivité que vous représentez (les coordinateurs : pour toutes).',
    'search.back': 'Toutes les recherches', 'search.matches': 'Partenaires possibles', 'search.noMatch': 'Personne ne correspond pour l’instant.',
    'search.score': 'Score {score}', 'search.mutual': 'Ils vous cherchent aussi',
    'search.close': 'Clore la recherche', 'search.reason': 'Pourquoi', 'search.partnership': 'Le partenariat qui en est né (le cas échéant)',
    'search.closed': 'La recherche est close.', 'search.closedOn': 'Close le {date} par {by} : {reason}',
    'search.mayNotClose': 'Seuls les représentants de {authority} et les coordinateurs closent cette recherche.',
    'search.openedBy': 'Ouverte le {date} par {by}', 'search.caption': 'Recherches de partenaires',
  },
  'sr-Cyrl': {
    'search.title': 'Потраге за партнерима', 'search.status': 'Статус', 'search.none': 'Ниједна потрага не одговара.',
    'search.searcher': 'Ко тражи', 'search.themes': 'Теме', 'search.countries': 'Земље',
    'search.openUntil': 'Отворена до', 'search.open': 'Покрени потрагу', 'search.authority': 'Локална самоуправа',
    'search.countriesHint': 'Шифре земаља одвојене зарезима, нпр. FR, RS', 'search.description': 'Шта тражите',
    'search.submit': 'Покрени потрагу', 'search.opened': 'Потрага је покренута.', 'search.signIn': 'Пријавите се да бисте покренули потрагу.',
    'search.noAuthority': 'Не заступате ниједну локалну самоуправу: потрага се покреће за ону коју заступате (координатори: за било коју).',
    'search.back': 'Све потраге', 'search.matches': 'Могући партнери', 'search.noMatch': 'Још нико не одговара.',
    'search.score': 'Оцена {score}', 'search.mutual': 'И они траже вас',
    'search.close': 'Затвори потрагу', 'search.reason': 'Зашто', 'search.partnership': 'Партнерство које је из ње настало (ако постоји)',
    'search.closed': 'Потрага је затворена.', 'search.closedOn': 'Затворена {date}, {by}: {reason}',
    'search.mayNotClose': 'Само представници самоуправе {authority} и координатори затварају ову потрагу.',
    'search.openedBy': 'Покренута {date}, {by}', 'search.caption': 'Потраге за партнерима',
  },
});

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
    h('form', { class: 'filters', onsubmit: (event) => {
      event.preventDefault();
      navigate(hashOf('#/searches', { status: event.currentTarget.elements.status.value }));
    } },
    field(t('search.status'), h('select', { name: 'status' },
      ['OPEN', 'CLOSED', 'ANY'].map((s) => h('option', { value: s, selected: s === status }, s === 'ANY' ? t('f.any') : statusLabel(s))))),
    h('button', { type: 'submit', class: 'button' }, t('f.filter'))),
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
  const form = h('form', { novalidate: true, 'data-test': 'open-search', onsubmit: async (event) => {
    event.preventDefault();
    clearProblem(form);
    const countries = (value(form, 'countries') || '').split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase());
    const body = { localAuthorityId: value(form, 'localAuthorityId'), themes: checked(form, 'themes'), countries,
      description: value(form, 'description'), openUntil: value(form, 'openUntil') };
    try {
      const answer = await busy(form, () => api('/api/partner-searches', { method: 'POST', body }));
      announce(t('search.opened'));
      navigate(`#/searches/${encodeURIComponent(answer.body.id)}`);
    } catch (problem) {
      showFormProblem(form, problem).focus();
    }
  } },
  field(t('search.authority'), h('select', { name: 'localAuthorityId' },
    authorities.map((a) => h('option', { value: a.id }, `${a.name} (${a.country})`)))),
  checkboxes('themes', t('search.themes'), THEMES, themeLabel),
  field(t('search.countries'), h('input', { name: 'countries', value: 'FR', autocapitalize: 'characters' }), t('search.countriesHint')),
  field(t('search.description'), h('textarea', { name: 'description', rows: 3, required: true })),
  field(t('search.openUntil'), h('input', { name: 'openUntil', type: 'date', value: until, required: true })),
  h('button', { type: 'submit', class: 'button', 'data-test': 'submit-search' }, t('search.submit')));
  return form;
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
  const form = h('form', { novalidate: true, 'data-test': 'close-search', onsubmit: async (event) => {
    event.preventDefault();
    clearProblem(form);
    try {
      await busy(form, () => api(`/api/partner-searches/${encodeURIComponent(search.id)}/closure`, { method: 'POST', etag,
        body: { reason: value(form, 'reason'), partnershipId: value(form, 'partnershipId') } }));
      announce(t('search.closed'));
      navigate(`#/searches/${encodeURIComponent(search.id)}`);
    } catch (problem) {
      if (problem.status === 412) problem = { ...problem, detail: t('f.stale') };
      showFormProblem(form, problem).focus();
    }
  } },
  field(t('search.reason'), h('input', { name: 'reason', required: true, maxlength: 1000 })),
  field(t('search.partnership'), h('input', { name: 'partnershipId' })),
  h('button', { type: 'submit', class: 'button', 'data-test': 'submit-close-search' }, t('search.close')));
  return h('section', {}, h('h2', {}, t('search.close')), form);
}
