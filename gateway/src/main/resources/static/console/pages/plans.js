// The action plans: the year's plans, filtered by year and status.
import { route, hashQuery } from '../app.js';
import { api, currentSession } from '../api.js';
import { t, messages, formatMoney } from '../i18n.js';
import { h } from '../ui.js';
import { PLAN_STATUSES, statusLabel, field, select, pager, hashOf, table, add, filters } from './_forms.js';
import dictionary from '../messages/plans.json' with { type: 'json' };

messages(dictionary);

route('#/plans', async (params, main) => {
  const query = hashQuery();
  const year = query.get('year') || '';
  const status = query.get('status') || '';
  const page = Number(query.get('page') || 0);
  const [answer, session] = await Promise.all([
    api(`/api/plans?${new URLSearchParams({ ...(year && { year }), ...(status && { status }), page, size: 20 })}`),
    currentSession(),
  ]);
  const plans = answer.body.content || [];
  const filter = filters('#/plans',
    field(t('plans.year'), h('input', { name: 'year', type: 'number', min: 1990, max: 2100, value: year, inputmode: 'numeric' })),
    field(t('plans.status'), select('status', PLAN_STATUSES, statusLabel, { selected: status, anyLabel: t('f.any') })));
  add(main, 
    h('h1', {}, t('plans.title')),
    session ? h('p', {}, h('a', { href: '#/plans/new', class: 'button', 'data-test': 'draft-plan' }, t('plans.draft'))) : null,
    filter,
    plans.length === 0 ? h('p', { 'data-test': 'plans-none' }, t('plans.none')) : table({ 'data-test': 'plans' },
      h('caption', {}, t('plans.caption', { count: answer.body.page?.totalElements ?? plans.length })),
      h('thead', {}, h('tr', {},
        [t('plans.plan'), t('plans.year'), t('plans.status'), t('plans.parties'), t('plans.total')].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, plans.map((plan) => h('tr', { 'data-test': 'plan-row', 'data-plan': plan.id },
        h('td', {}, h('a', { href: `#/plans/${encodeURIComponent(plan.id)}`, 'data-test': 'plan-link' }, plan.title)),
        h('td', {}, String(plan.year)),
        h('td', {}, h('span', { class: `status status-${plan.status}` }, statusLabel(plan.status))),
        h('td', {}, plan.parties.map((party) => party.code).join(', ')),
        h('td', { class: 'number' }, formatMoney(plan.totals.totalEur)))))),
    pager(answer.body.page, (n) => hashOf('#/plans', { year, status, page: n })),
  );
});
