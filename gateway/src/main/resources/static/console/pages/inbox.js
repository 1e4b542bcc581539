// The signed-in person's inbox, live: an EventSource on the subscription's SSE stream (through the
// gateway, with the session cookie). The browser reconnects by itself with Last-Event-ID, the stream's
// ids being the notifications' sequence numbers, so nothing is missed. An EventSource cannot send
// Accept-Language: the stream's summaries are in the browser's language, so each event makes the page
// read the inbox again through api(), in the console's language.
import { route, hashQuery, navigate } from '../app.js';
import { api, currentSession, signIn } from '../api.js';
import { t, messages, formatDate } from '../i18n.js';
import { h, announce, busy, showProblem } from '../ui.js';
import { EVENT_TYPES, table, add } from './_forms.js';
import dictionary from '../messages/inbox.json' with { type: 'json' };

messages(dictionary);

/** The open stream: one at a time, closed when the inbox is left or drawn again. */
let source = null;

function closeStream() {
  source?.close();
  source = null;
}

window.addEventListener('hashchange', () => {
  if (!location.hash.startsWith('#/inbox')) closeStream();
});

route('#/inbox', async (params, main) => {
  closeStream();
  add(main, h('h1', {}, t('inbox.title')));
  const session = await currentSession();
  if (!session) {
    add(main, h('p', {}, t('inbox.signIn')), h('button', { type: 'button', class: 'button', onclick: signIn, 'data-test': 'sign-in' }, t('inbox.signInButton')));
    return;
  }
  const inboxes = ((await api('/api/subscriptions?size=200')).body.content || []).filter((s) => s.channel === 'INBOX');
  if (inboxes.length === 0) {
    const create = h('button', { type: 'button', class: 'button', 'data-test': 'create-inbox', onclick: async () => {
      try {
        await busy(create, () => api('/api/subscriptions', { method: 'POST', body: { channel: 'INBOX', subscriber: t('inbox.subscriber') } }));
        navigate('#/inbox');
      } catch (problem) {
        showProblem(main, problem).focus();
      }
    } }, t('inbox.create'));
    add(main, h('p', {}, t('inbox.noInbox')), create);
    return;
  }
  const wanted = hashQuery().get('subscription');
  const inbox = inboxes.find((s) => s.id === wanted) || inboxes[0];
  if (inboxes.length > 1) {
    add(main, h('form', { class: 'filters' }, h('label', { for: 'inbox-choice' }, t('inbox.choose')), ' ',
      h('select', { id: 'inbox-choice', 'data-test': 'inbox-choice', onchange: (event) => navigate(`#/inbox?subscription=${encodeURIComponent(event.currentTarget.value)}`) },
        inboxes.map((s) => h('option', { value: s.id, selected: s === inbox }, s.subscriber)))));
  }
  const state = h('p', { class: 'live-state', 'data-test': 'inbox-live', 'data-state': 'connecting' }, t('inbox.connecting'));
  const list = h('div', { 'data-test': 'inbox' });
  add(main, state, list);
  const base = `/api/subscriptions/${encodeURIComponent(inbox.id)}`;

  let shownIds = new Set();
  async function load() {
    const answer = await api(`${base}/notifications?size=50`);
    const items = answer.body.content || [];
    const fresh = items.filter((n) => !shownIds.has(n.id));
    const first = shownIds.size === 0;
    shownIds = new Set(items.map((n) => n.id));
    list.replaceChildren(items.length === 0 ? h('p', { 'data-test': 'inbox-empty' }, t('inbox.empty')) : table({},
      h('caption', {}, t('inbox.caption')),
      h('tbody', {}, items.map(item))));
    if (!first) fresh.reverse().forEach((n) => announce(t('inbox.new', { summary: n.summary })));
  }

  function item(notification) {
    const mark = notification.read ? h('span', {}, t('inbox.read')) : h('button', { type: 'button', class: 'button secondary', 'data-test': 'mark-read',
      onclick: async (event) => {
        try {
          await busy(event.currentTarget, () => api(`${base}/notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST' }));
          await load();
          // the button is gone: on to the next unread one, else the list
          (list.querySelector('[data-test=mark-read]') || list.querySelector('.table-wrap'))?.focus();
        } catch (problem) {
          showProblem(list, problem).focus();
        }
      } }, t('inbox.markRead'));
    return h('tr', { 'data-test': 'inbox-item', 'data-event-type': notification.eventType, 'data-seq': notification.seq,
      class: notification.read ? 'read' : 'unread' },
    h('td', {}, h('time', { datetime: notification.occurredAt }, formatDate(notification.occurredAt))),
    h('td', {}, notification.read ? null : [h('span', { class: 'status' }, t('inbox.unread')), ' '], notification.summary),
    h('td', {}, mark));
  }

  await load();
  // A load at a time: events arriving during one make one more load afterwards.
  let loading = null;
  let again = false;
  function reload() {
    if (loading) {
      again = true;
      return;
    }
    loading = load().catch((problem) => showProblem(list, problem)).finally(() => {
      loading = null;
      if (again) {
        again = false;
        reload();
      }
    });
  }
  const stream = new EventSource(`${base}/stream`, { withCredentials: true });
  source = stream;
  const say = (key, stateName) => {
    state.textContent = t(key);
    state.dataset.state = stateName;
  };
  stream.onopen = () => {
    say('inbox.live', 'live');
    // a first stream starts after the newest notification at its opening: one stored between the
    // page's read and then is read now
    reload();
  };
  stream.onerror = async () => {
    if (!main.isConnected) return closeStream();
    if (stream.readyState !== EventSource.CLOSED) return say('inbox.reconnecting', 'reconnecting');
    say('inbox.closed', 'closed');
    // refused rather than lost: an expired session signs in again and comes back here
    if (!(await currentSession({ refresh: true }))) signIn();
  };
  // each event is named by its type (PlanSigned, …): unnamed ones are 'message'
  for (const type of [...EVENT_TYPES, 'message']) {
    stream.addEventListener(type, () => {
      if (!main.isConnected) return closeStream();
      reload();
    });
  }
});
