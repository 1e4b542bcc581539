// A partnership's page: partners, coordinator, themes, history; dormancy, reactivation, end (with If-Match).
import { route } from '../app.js';
import { api, currentSession, signIn } from '../api.js';
import { h, replace, showProblem, clearProblem, busy, announce } from '../ui.js';
import { t, messages, formatDate, formatNumber } from '../i18n.js';
import { themeName, partnershipStatusName, countryName } from '../names.js';
import { partnershipName, partnershipMap } from './network.js';
import dictionary from '../messages/partnership.json' with { type: 'json' };

messages(dictionary);

/** What each status allows, in order: the API's path and the message key of its button. */
const CHANGES = { ACTIVE: ['dormancy', 'termination'], DORMANT: ['reactivation', 'termination'], ENDED: [] };

async function load(id) {
  const answer = await api(`/api/partnerships/${encodeURIComponent(id)}`);
  return { partnership: answer.body, etag: answer.headers.get('ETag') };
}

function facts(p) {
  const row = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
  return h('dl', { class: 'facts', 'data-test': 'partnership-facts' },
    row(t('partnership.status'), h('span', { class: `status status-${p.status}`, 'data-test': 'partnership-status', 'data-status': p.status },
      partnershipStatusName(p.status))),
    row(t('partnership.since'), p.since ?? '—'),
    row(t('partnership.themes'), p.themes.map(themeName).join(', ') || '—'),
    row(t('partnership.coordinator'), p.coordinator
      ? [p.coordinator.name, p.coordinator.email ? [' — ', h('a', { href: `mailto:${p.coordinator.email}` }, p.coordinator.email)] : null]
      : t('partnership.noCoordinator')),
    p.lastActivityOn ? row(t('partnership.lastActivity'), formatDate(p.lastActivityOn)) : null);
}

function partners(p) {
  return h('ul', { 'data-test': 'partners' }, p.partners.map((x) => h('li', { 'data-test': 'partner', 'data-id': x.id },
    x.name, ` (${countryName(x.country)}${x.code ? `, ${t('partnership.code', { code: x.code })}` : ''})`)));
}

function history(p) {
  return [
    h('ol', { class: 'history', 'data-test': 'history' }, p.history.slice().reverse().map((change) => h('li', { 'data-test': 'history-item' },
      h('strong', {}, partnershipStatusName(change.status)), ' — ', h('time', { datetime: change.at }, formatDate(change.at)),
      h('br'), change.reason, ' ', h('span', { class: 'muted' }, t('partnership.by', { name: change.by })),
      change.planId ? [' · ', h('a', { href: `#/plans/${encodeURIComponent(change.planId)}` }, t('partnership.plan'))] : null))),
    p.omittedChanges ? h('p', { class: 'muted' }, t('partnership.omitted', { count: formatNumber(p.omittedChanges) })) : null,
  ];
}

/** Whether the signed-in person may change the partnership's status, as the API decides it (docs/security.md). */
function mayChange(session, p) {
  if (!session) return false;
  return session.steward || p.partners.some((x) => x.code && (session.actsFor || []).includes(x.code));
}

function changeForm(state, session, redraw) {
  const { partnership: p } = state;
  const section = h('section', { 'aria-labelledby': 'partnership-change', 'data-test': 'status-change' },
    h('h2', { id: 'partnership-change' }, t('partnership.change')));
  if (!CHANGES[p.status]?.length) {
    section.append(h('p', { class: 'why-not', 'data-test': 'why-not' }, t('partnership.ended')));
    return section;
  }
  if (!session) {
    section.append(h('p', { class: 'why-not', 'data-test': 'why-not' }, t('partnership.signInWhy')),
      h('button', { type: 'button', class: 'button secondary', onclick: () => signIn() }, t('shell.signIn')));
    return section;
  }
  if (!mayChange(session, p)) {
    section.append(h('p', { class: 'why-not', 'data-test': 'why-not' }, t('partnership.notYours', {
      partners: p.partners.map((x) => x.name).join(', '),
      yours: (session.actsFor || []).join(', ') || t('partnership.nobody'),
    })));
    return section;
  }
  const reason = h('textarea', { name: 'reason', id: 'partnership-reason', required: true, maxlength: 1000, 'data-test': 'reason' });
  reason.value = state.reason || '';
  const form = h('form', { novalidate: true },
    h('label', { class: 'field', for: 'partnership-reason' }, h('span', {}, t('partnership.reason')), reason),
    h('div', { class: 'actions' }, CHANGES[p.status].map((change) => h('button', {
      type: 'submit', value: change, class: change === 'termination' ? 'button danger' : 'button', 'data-test': change,
    }, t(`partnership.${change}`)))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const change = event.submitter?.value || CHANGES[p.status][0];
    clearProblem(section);
    state.reason = reason.value;
    await busy(form, async () => {
      try {
        const answer = await api(`/api/partnerships/${encodeURIComponent(p.id)}/${change}`,
          { method: 'POST', body: { reason: reason.value }, etag: state.etag });
        state.partnership = answer.body;
        state.etag = answer.headers.get('ETag');
        state.reason = '';
        redraw();
        announce(t(`partnership.done.${change}`));
      } catch (problem) {
        if (problem.status === 412 || problem.status === 409) {
          // stale or no longer allowed: show the partnership as it is now, and say why
          Object.assign(state, await load(p.id));
          redraw();
          const explained = { ...problem, errors: [], title: t(problem.status === 412 ? 'partnership.stale' : 'partnership.conflict') };
          showProblem(document.querySelector('[data-test="status-change"]'), explained).focus();
        } else {
          showProblem(section, problem).focus();
        }
      }
    });
  });
  section.append(form);
  return section;
}

route('#/partnerships/:id', async ({ id }, main) => {
  const [state, session] = await Promise.all([load(id), currentSession()]);
  const mapHolder = h('div');
  const body = h('div');
  // the map again after a change of status: the line's colour and dashes say it
  const drawMap = async () => {
    const p = state.partnership;
    try {
      replace(mapHolder, await partnershipMap([p], {
        label: t('partnership.mapTitle', { name: partnershipName(p) }),
        description: t('partnership.mapDesc', { towns: p.partners.map((x) => x.name).join(', ') }),
      }));
    } catch (failure) {
      console.error(failure);
    }
  };
  const redraw = () => {
    const p = state.partnership;
    replace(body,
      facts(p),
      h('h2', {}, t('partnership.partners')), partners(p),
      changeForm(state, session, redraw),
      h('h2', {}, t('partnership.history')), history(p));
    drawMap();
  };
  main.append(h('p', {}, h('a', { href: '#/network', 'data-test': 'back' }, t('partnership.back'))),
    h('h1', { 'data-test': 'partnership-name' }, partnershipName(state.partnership)), body,
    h('section', { 'aria-labelledby': 'partnership-map' }, h('h2', { id: 'partnership-map' }, t('partnership.map')), mapHolder));
  redraw();
});
