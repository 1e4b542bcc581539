// A plan: its parties and their signatures, activities, funding lines with their calls; sign for the
// party one acts for (others see who may sign).
import './plan-draft.js'; // '#/plans/new' is declared before '#/plans/:id' matches it
import { route } from '../app.js';
import { api, currentSession } from '../api.js';
import { t, messages, formatMoney, formatDate } from '../i18n.js';
import { h, announce, showProblem, busy, clearProblem } from '../ui.js';
import { themeLabel, sourceLabel, statusLabel, table, add } from './_forms.js';
import dictionary from '../messages/plan.json' with { type: 'json' };

messages(dictionary);

route('#/plans/:id', async ({ id }, main) => {
  const [answer, session] = await Promise.all([api(`/api/plans/${encodeURIComponent(id)}`), currentSession()]);
  const [calls, partnerships] = await Promise.all([callsOf(answer.body), partnershipsOf(answer.body)]);
  show(main, answer.body, answer.headers.get('ETag'), session, { calls, partnerships });
});

/** The funding calls the plan's lines name, by id (a call that cannot be read is shown by its id). */
async function callsOf(plan) {
  const ids = [...new Set(plan.activities.flatMap((a) => a.funding.map((line) => line.callId)).filter(Boolean))];
  const found = await Promise.all(ids.map((callId) => api(`/api/funding-calls/${encodeURIComponent(callId)}`)
    .then((answer) => answer.body, () => null)));
  return Object.fromEntries(found.filter(Boolean).map((call) => [call.id, call]));
}

/** The partnerships the activities name, by id, each as its partners' names. */
async function partnershipsOf(plan) {
  const ids = [...new Set(plan.activities.flatMap((a) => a.partnershipIds))];
  const found = await Promise.all(ids.map((pid) => api(`/api/partnerships/${encodeURIComponent(pid)}`)
    .then((answer) => answer.body, () => null)));
  return Object.fromEntries(found.filter(Boolean).map((p) => [p.id, p.partners.map((partner) => partner.name).join(' – ')]));
}

function show(main, plan, etag, session, refs) {
  const actsFor = session?.actsFor || [];
  const signatures = h('tbody', {}, plan.parties.map((party) => h('tr', { 'data-test': 'party', 'data-party': party.code },
    h('th', { scope: 'row' }, party.name, ' ', h('span', { class: 'code' }, `(${party.code})`)),
    h('td', {}, party.signedAt
      ? h('span', { 'data-test': 'signed' }, t('plan.signedBy', { name: party.signedBy, date: formatDate(party.signedAt) }))
      : signCell(party)))));

  function signCell(party) {
    if (plan.status !== 'DRAFT') return t('plan.notSigned');
    const may = actsFor.includes(party.code);
    const reasonId = `sign-reason-${party.code}`;
    const button = h('button', {
      type: 'button', class: 'button', 'data-test': 'sign-plan', 'data-party': party.code, disabled: !may,
      'aria-describedby': may ? null : reasonId,
      onclick: (event) => sign(event.currentTarget, party),
    }, t('plan.signFor', { party: party.code }));
    return h('div', {}, button, may ? null : h('p', { class: 'why-not', id: reasonId, 'data-test': 'sign-reason' },
      session ? t('plan.onlyTheirs', { party: party.code }) : t('plan.signInToSign')));
  }

  const feedback = h('div', { class: 'feedback' });
  async function sign(button, party) {
    clearProblem(feedback);
    try {
      const answer = await busy(button, () => api(`/api/plans/${encodeURIComponent(plan.id)}/signatures`,
        { method: 'POST', body: { party: party.code }, etag }));
      main.replaceChildren();
      show(main, answer.body, answer.headers.get('ETag'), session, refs);
      // the button is gone: the keyboard goes on from the signatures
      main.querySelector('[data-test=parties-heading]').focus();
      announce(t('plan.signed', { party: party.code }));
    } catch (problem) {
      if (problem.status === 412) {
        const fresh = await api(`/api/plans/${encodeURIComponent(plan.id)}`);
        main.replaceChildren();
        show(main, fresh.body, fresh.headers.get('ETag'), session, refs);
        const box = main.querySelector('.feedback');
        showProblem(box, { ...problem, detail: t('f.stale') }).focus();
        return;
      }
      showProblem(feedback, problem).focus();
    }
  }

  add(main, 
    h('p', {}, h('a', { href: '#/plans' }, t('plan.back'))),
    h('h1', { 'data-test': 'plan-title' }, plan.title),
    h('dl', { class: 'facts' },
      h('dt', {}, t('plan.status')), h('dd', { 'data-test': 'plan-status' }, statusLabel(plan.status)),
      h('dt', {}, t('plan.yearLabel')), h('dd', {}, String(plan.year)),
      h('dt', {}, t('plan.themes')), h('dd', {}, plan.themes.map(themeLabel).join(', ')),
      h('dt', {}, t('plan.total')), h('dd', {}, formatMoney(plan.totals.totalEur))),
    plan.cancellationReason ? h('p', {}, t('plan.cancelled', { reason: plan.cancellationReason })) : null,
    h('h2', { tabindex: '-1', 'data-test': 'parties-heading' }, t('plan.parties')),
    feedback,
    table({ 'data-test': 'parties', 'aria-label': t('plan.parties') },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('plan.party')), h('th', { scope: 'col' }, t('plan.signature')))),
      signatures),
    h('h2', {}, t('plan.activities')),
    plan.activities.length === 0 ? h('p', {}, t('plan.noActivity')) : plan.activities.map((activity) => activityView(activity, refs)),
  );
}

function activityView(activity, { calls, partnerships }) {
  return h('section', { class: 'activity', 'data-test': 'activity' },
    h('h3', {}, activity.title),
    h('p', {}, themeLabel(activity.theme),
      activity.startsOn ? ` · ${t('plan.dates', { from: formatDate(activity.startsOn), to: formatDate(activity.endsOn) })}` : '',
      activity.completedOn ? ` · ${t('plan.completed', { date: formatDate(activity.completedOn) })}` : ''),
    activity.partnershipIds.length ? h('p', {}, `${t('plan.partnerships')}: `, activity.partnershipIds.map((pid, i) => [
      i ? ', ' : '', h('a', { href: `#/partnerships/${encodeURIComponent(pid)}`, 'data-test': 'plan-partnership' },
        partnerships[pid] || t('plan.partnership', { n: i + 1 }))])) : null,
    table({ 'data-test': 'funding-lines' },
      h('caption', {}, t('plan.funding', { title: activity.title })),
      h('thead', {}, h('tr', {}, [t('plan.source'), t('plan.amount'), t('plan.call')].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, activity.funding.map((line) => h('tr', { 'data-test': 'funding-line' },
        h('td', {}, sourceLabel(line.source)),
        h('td', { class: 'number' }, formatMoney(line.amountEur)),
        h('td', {}, line.callId ? callLabel(calls[line.callId], line.callId) : t('plan.noCall'))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('plan.activityTotal')),
        h('td', { class: 'number' }, formatMoney(activity.totalEur)), h('td', {})))));
}

function callLabel(call, callId) {
  if (!call) return callId;
  return h('span', { 'data-test': 'funding-call' }, h('a', { href: '#/calls' }, call.code), ` — ${call.title} (${statusLabel(call.status)})`);
}
