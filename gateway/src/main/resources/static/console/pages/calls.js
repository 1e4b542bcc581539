// Funding calls: the open calls and their deadlines; stewards publish a call.
import { route, hashQuery, navigate } from '../app.js';
import { api, currentSession } from '../api.js';
import { t, messages, formatDate, formatMoney, formatNumber } from '../i18n.js';
import { h, announce, busy, clearProblem } from '../ui.js';
import { THEMES, SOURCES, themeLabel, sourceLabel, statusLabel, field, select, checkboxes, checked, value, showFormProblem, pager, hashOf, table, add } from './_forms.js';

messages({
  en: {
    'calls.title': 'Funding calls', 'calls.status': 'Status', 'calls.none': 'No funding call matches.',
    'calls.call': 'Call', 'calls.funder': 'Funder', 'calls.deadline': 'Deadline', 'calls.maxGrant': 'At most',
    'calls.rate': 'Co-financing', 'calls.themes': 'Themes', 'calls.countries': 'Eligible countries',
    'calls.caption': 'Funding calls, soonest deadline first', 'calls.opens': 'Opens on {date}',
    'calls.publish': 'Publish a funding call', 'calls.stewardsOnly': 'Only stewards (the Embassy, SKGO) publish funding calls.',
    'calls.code': 'Code', 'calls.codeHint': 'Upper-case letters, digits and -, e.g. MEAE-FR-RS-2027',
    'calls.callTitle': 'Title', 'calls.opensOn': 'Opens on', 'calls.closesOn': 'Closes on',
    'calls.maxGrantEur': 'Largest grant per activity (EUR)', 'calls.maxRate': 'Largest share of an activity (0 to 1, e.g. 0.7)',
    'calls.countriesHint': 'Country codes, separated by commas', 'calls.submit': 'Publish the call', 'calls.published': 'The call is published.',
  },
  fr: {
    'calls.title': 'Appels à projets', 'calls.status': 'Statut', 'calls.none': 'Aucun appel ne correspond.',
    'calls.call': 'Appel', 'calls.funder': 'Financeur', 'calls.deadline': 'Date limite', 'calls.maxGrant': 'Au plus',
    'calls.rate': 'Cofinancement', 'calls.themes': 'Thèmes', 'calls.countries': 'Pays éligibles',
    'calls.caption': 'Appels à projets, date limite la plus proche d’abord', 'calls.opens': 'Ouvre le {date}',
    'calls.publish': 'Publier un appel à projets', 'calls.stewardsOnly': 'Seuls les coordinateurs (l’Ambassade, la SKGO) publient des appels à projets.',
    'calls.code': 'Code', 'calls.codeHint': 'Majuscules, chiffres et -, par exemple MEAE-FR-RS-2027',
    'calls.callTitle': 'Titre', 'calls.opensOn': 'Ouverture', 'calls.closesOn': 'Clôture',
    'calls.maxGrantEur': 'Subvention maximale par activité (EUR)', 'calls.maxRate': 'Part maximale d’une activité (de 0 à 1, par exemple 0,7)',
    'calls.countriesHint': 'Codes de pays séparés par des virgules', 'calls.submit': 'Publier l’appel', 'calls.published': 'L’appel est publié.',
  },
  'sr-Cyrl': {
    'calls.title': 'Позиви за финансирање', 'calls.status': 'Статус', 'calls.none': 'Ниједан позив не одговара.',
    'calls.call': 'Позив', 'calls.funder': 'Финансијер', 'calls.deadline': 'Рок', 'calls.maxGrant': 'Највише',
    'calls.rate': 'Суфинансирање', 'calls.themes': 'Теме', 'calls.countries': 'Земље које могу да конкуришу',
    'calls.caption': 'Позиви за финансирање, прво они са најближим роком', 'calls.opens': 'Отвара се {date}',
    'calls.publish': 'Објави позив за финансирање', 'calls.stewardsOnly': 'Само координатори (Амбасада, СКГО) објављују позиве за финансирање.',
    'calls.code': 'Шифра', 'calls.codeHint': 'Велика слова, цифре и -, нпр. MEAE-FR-RS-2027',
    'calls.callTitle': 'Наслов', 'calls.opensOn': 'Отвара се', 'calls.closesOn': 'Затвара се',
    'calls.maxGrantEur': 'Највећи грант по активности (EUR)', 'calls.maxRate': 'Највећи удео у активности (од 0 до 1, нпр. 0,7)',
    'calls.countriesHint': 'Шифре земаља одвојене зарезима', 'calls.submit': 'Објави позив', 'calls.published': 'Позив је објављен.',
  },
});

const STATUSES = ['OPEN', 'UPCOMING', 'CLOSED'];

route('#/calls', async (params, main) => {
  const query = hashQuery();
  const status = query.get('status') || 'OPEN';
  const wanted = status === 'ANY' ? '' : status;
  const page = Number(query.get('page') || 0);
  const [answer, session] = await Promise.all([
    api(`/api/funding-calls?${new URLSearchParams({ ...(wanted && { status: wanted }), page, size: 20 })}`),
    currentSession(),
  ]);
  const calls = answer.body.content || [];
  add(main, 
    h('h1', {}, t('calls.title')),
    h('form', { class: 'filters', onsubmit: (event) => {
      event.preventDefault();
      navigate(hashOf('#/calls', { status: event.currentTarget.elements.status.value || 'ANY' }));
    } },
    field(t('calls.status'), select('status', STATUSES, statusLabel, { selected: wanted, anyLabel: t('f.any') })),
    h('button', { type: 'submit', class: 'button' }, t('f.filter'))),
    calls.length === 0 ? h('p', {}, t('calls.none')) : table({ 'data-test': 'calls' },
      h('caption', {}, t('calls.caption')),
      h('thead', {}, h('tr', {}, [t('calls.call'), t('calls.funder'), t('calls.deadline'), t('calls.maxGrant'), t('calls.rate'), t('calls.themes'), t('calls.status')]
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, calls.map((call) => h('tr', { 'data-test': 'call', 'data-code': call.code },
        h('td', {}, h('strong', {}, call.code), h('br'), call.title),
        h('td', {}, sourceLabel(call.funder)),
        h('td', {}, h('time', { datetime: call.closesOn, 'data-test': 'call-deadline' }, formatDate(call.closesOn)),
          call.status === 'UPCOMING' ? [h('br'), t('calls.opens', { date: formatDate(call.opensOn) })] : null),
        h('td', { class: 'number' }, formatMoney(call.maxGrantEur)),
        h('td', { class: 'number' }, formatNumber(call.maxCoFinancingRate, { style: 'percent', maximumFractionDigits: 2 })),
        h('td', {}, [...call.themes].map(themeLabel).join(', ')),
        h('td', {}, statusLabel(call.status)))))),
    pager(answer.body.page, (n) => hashOf('#/calls', { status, page: n })),
    h('h2', {}, t('calls.publish')),
    session?.steward ? publishForm() : h('p', { class: 'why-not', 'data-test': 'publish-call-reason' }, session ? t('calls.stewardsOnly') : t('f.signInFirst')),
  );
});

function publishForm() {
  const form = h('form', { novalidate: true, 'data-test': 'publish-call', onsubmit: async (event) => {
    event.preventDefault();
    clearProblem(form);
    const number = (name) => (value(form, name) === undefined ? null : Number(value(form, name).replace(',', '.')));
    const body = { code: value(form, 'code'), title: value(form, 'title'), funder: value(form, 'funder'),
      themes: checked(form, 'themes'),
      eligibleCountries: (value(form, 'eligibleCountries') || '').split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()),
      opensOn: value(form, 'opensOn'), closesOn: value(form, 'closesOn'),
      maxGrantEur: number('maxGrantEur'), maxCoFinancingRate: number('maxCoFinancingRate') };
    try {
      await busy(form, () => api('/api/funding-calls', { method: 'POST', body }));
      announce(t('calls.published'));
      navigate('#/calls?status=ANY');
    } catch (problem) {
      showFormProblem(form, problem).focus();
    }
  } },
  field(t('calls.code'), h('input', { name: 'code', required: true, autocapitalize: 'characters' }), t('calls.codeHint')),
  field(t('calls.callTitle'), h('input', { name: 'title', required: true })),
  field(t('calls.funder'), select('funder', SOURCES, sourceLabel)),
  checkboxes('themes', t('calls.themes'), THEMES, themeLabel),
  field(t('calls.countries'), h('input', { name: 'eligibleCountries', value: 'FR, RS' }), t('calls.countriesHint')),
  field(t('calls.opensOn'), h('input', { name: 'opensOn', type: 'date', required: true })),
  field(t('calls.closesOn'), h('input', { name: 'closesOn', type: 'date', required: true })),
  field(t('calls.maxGrantEur'), h('input', { name: 'maxGrantEur', type: 'number', min: 0, step: '0.01', required: true, inputmode: 'decimal' })),
  field(t('calls.maxRate'), h('input', { name: 'maxCoFinancingRate', inputmode: 'decimal', required: true })),
  h('button', { type: 'submit', class: 'button', 'data-test': 'submit-call' }, t('calls.submit')));
  return form;
}
