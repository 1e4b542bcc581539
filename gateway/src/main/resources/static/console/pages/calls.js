// Funding calls: the open calls and their deadlines; stewards publish a call.
import { route, hashQuery, navigate } from '../app.js';
import { api, currentSession } from '../api.js';
import { t, messages, formatDate, formatMoney, formatNumber } from '../i18n.js';
import { h, announce } from '../ui.js';
import { THEMES, SOURCES, themeLabel, sourceLabel, statusLabel, field, select, checkboxes, checked, value, pager, hashOf, table, add, anyOr, filters, commandForm } from './_forms.js';
import dictionary from '../messages/calls.json' with { type: 'json' };

messages(dictionary);

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
    filters('#/calls', field(t('calls.status'), select('status', [...STATUSES, 'ANY'], anyOr(statusLabel), { selected: status }))),
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
  const number = (form, name) => (value(form, name) === undefined ? null : Number(value(form, name).replace(',', '.')));
  return commandForm({ 'data-test': 'publish-call' }, { path: '/api/funding-calls', body: (form) => ({
    code: value(form, 'code'), title: value(form, 'title'), funder: value(form, 'funder'), themes: checked(form, 'themes'),
    eligibleCountries: (value(form, 'eligibleCountries') || '').split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()),
    opensOn: value(form, 'opensOn'), closesOn: value(form, 'closesOn'),
    maxGrantEur: number(form, 'maxGrantEur'), maxCoFinancingRate: number(form, 'maxCoFinancingRate') }),
  done: () => {
    announce(t('calls.published'));
    navigate('#/calls?status=ANY');
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
}
