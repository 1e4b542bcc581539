// The person's subscriptions: list, create (a webhook's secret shown once, with a copy button; an
// e-mail with its digest), delete.
import { route } from '../app.js';
import { api, currentSession, signIn } from '../api.js';
import { t, messages, language, LANGUAGES } from '../i18n.js';
import { h, announce, busy, showProblem } from '../ui.js';
import { EVENT_TYPES, statusLabel, field, select, checkboxes, checked, value, table, add, commandForm } from './_forms.js';
import dictionary from '../messages/subscriptions.json' with { type: 'json' };

messages(dictionary);

const CHANNELS = ['INBOX', 'EMAIL', 'WEBHOOK'];
const DIGESTS = ['NONE', 'DAILY', 'WEEKLY'];
const LANGUAGE_NAMES = { fr: 'Français', 'sr-Cyrl': 'Српски (ћирилица)', 'sr-Latn': 'Srpski (latinica)', en: 'English' };

route('#/subscriptions', async (params, main) => {
  add(main, h('h1', {}, t('subs.title')));
  const session = await currentSession();
  if (!session) {
    add(main, h('p', {}, t('subs.signIn')), h('button', { type: 'button', class: 'button', onclick: signIn, 'data-test': 'sign-in' }, t('subs.signInButton')));
    return;
  }
  const created = h('div', { 'data-test': 'created' });
  const listing = h('div', {});
  add(main, created, listing, h('h2', {}, t('subs.create')), createForm(created, list));
  await list();

  async function list() {
    const subscriptions = (await api('/api/subscriptions?size=200')).body.content || [];
    listing.replaceChildren(subscriptions.length === 0 ? h('p', {}, t('subs.none')) : table({ 'data-test': 'subscriptions' },
      h('caption', {}, t('subs.caption')),
      h('thead', {}, h('tr', {}, [t('subs.subscriber'), t('subs.channel'), t('subs.target'), t('subs.events'), t('subs.status'), t('subs.digest'), t('subs.locale'), t('subs.actions')]
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, subscriptions.map((s) => h('tr', { 'data-test': 'subscription', 'data-channel': s.channel },
        h('td', {}, s.subscriber),
        h('td', {}, t(`subs.channel.${s.channel}`)),
        h('td', {}, s.target || ''),
        h('td', {}, s.eventTypes?.length ? s.eventTypes.join(', ') : t('subs.allEvents')),
        h('td', {}, statusLabel(s.status), s.disabledReason ? ` (${s.disabledReason})` : ''),
        h('td', {}, s.digest ? t(`subs.digest.${s.digest}`) : ''),
        h('td', {}, LANGUAGE_NAMES[s.locale] || s.locale),
        h('td', {}, deleteButton(s)))))));
  }

  /** Deleting asks once more, on the same button: no dialog to dismiss. */
  function deleteButton(subscription) {
    let armed = false;
    const button = h('button', { type: 'button', class: 'button danger', 'data-test': 'delete-subscription', onclick: async () => {
      if (!armed) {
        armed = true;
        button.textContent = t('subs.confirmDelete', { name: subscription.subscriber });
        return;
      }
      try {
        await busy(button, () => api(`/api/subscriptions/${encodeURIComponent(subscription.id)}`, { method: 'DELETE' }));
        announce(t('subs.deleted'));
        await list();
        document.getElementById('view')?.focus();
      } catch (problem) {
        showProblem(listing, problem).focus();
      }
    } }, t('subs.delete'));
    return button;
  }
});

function createForm(created, refresh) {
  const form = commandForm({ 'data-test': 'create-subscription' }, { path: '/api/subscriptions', body: (f) => {
    const channel = value(f, 'channel');
    const types = checked(f, 'eventTypes');
    return { subscriber: value(f, 'subscriber'), channel, target: channel === 'INBOX' ? undefined : value(f, 'target'),
      eventTypes: types.length ? types : undefined, digest: channel === 'EMAIL' ? value(f, 'digest') : undefined,
      locale: value(f, 'locale') };
  },
  done: async (answer) => {
    form.reset();
    showCreated(created, answer.body);
    await refresh();
  } },
  field(t('subs.subscriber'), h('input', { name: 'subscriber', maxlength: 200 })),
  field(t('subs.channel'), select('channel', CHANNELS, (c) => t(`subs.channel.${c}`), { 'data-test': 'subscription-channel' })),
  field(t('subs.target'), h('input', { name: 'target', maxlength: 2000 }), t('subs.targetHint')),
  checkboxes('eventTypes', t('subs.eventsLegend'), EVENT_TYPES, (type) => type),
  field(t('subs.digest'), select('digest', DIGESTS, (d) => t(`subs.digest.${d}`)), t('subs.digestHint')),
  field(t('subs.locale'), select('locale', LANGUAGES, (tag) => LANGUAGE_NAMES[tag], { selected: language() })),
  h('button', { type: 'submit', class: 'button', 'data-test': 'submit-subscription' }, t('subs.submit')));
  return form;
}

/** What the creation answered that is never shown again: a webhook's secret, with a copy button. */
function showCreated(container, subscription) {
  const parts = [h('p', {}, t('subs.created'))];
  if (subscription.secret) {
    const secret = h('input', { id: 'webhook-secret', readonly: true, value: subscription.secret, 'data-test': 'webhook-secret', size: 48, spellcheck: 'false' });
    const copy = h('button', { type: 'button', class: 'button', 'data-test': 'copy-secret', onclick: async () => {
      try {
        await navigator.clipboard.writeText(subscription.secret);
        announce(t('subs.copied'));
      } catch {
        secret.select();
        announce(t('subs.copyFailed'));
      }
    } }, t('subs.copy'));
    parts.push(h('p', { class: 'secret' }, h('label', { for: 'webhook-secret' }, t('subs.secret')), ' ', secret, ' ', copy),
      h('p', { class: 'muted' }, t('subs.secretOnce')));
  }
  if (subscription.status === 'PENDING_CONFIRMATION') parts.push(h('p', {}, t('subs.pending')));
  container.replaceChildren(h('div', { class: 'notice', role: 'status', tabindex: '-1' }, parts));
  container.firstChild.focus();
}
