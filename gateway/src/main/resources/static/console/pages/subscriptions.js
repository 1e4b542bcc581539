// The person's subscriptions: list, create (a webhook's secret shown once, with a copy button; an
// e-mail with its digest), delete.
import { route } from '../app.js';
import { api, currentSession, signIn } from '../api.js';
import { t, messages, language, LANGUAGES } from '../i18n.js';
import { h, announce, busy, clearProblem, showProblem } from '../ui.js';
import { EVENT_TYPES, statusLabel, field, select, checkboxes, checked, value, showFormProblem, table, add } from './_forms.js';

messages({
  en: {
    'subs.title': 'Subscriptions', 'subs.signIn': 'Sign in to see your subscriptions.', 'subs.signInButton': 'Sign in',
    'subs.none': 'You have no subscription yet.', 'subs.caption': 'Your subscriptions',
    'subs.subscriber': 'Name', 'subs.channel': 'Channel', 'subs.target': 'Where', 'subs.events': 'Events',
    'subs.allEvents': 'All events', 'subs.status': 'Status', 'subs.digest': 'Digest', 'subs.locale': 'Language',
    'subs.delete': 'Delete', 'subs.actions': 'Actions', 'subs.confirmDelete': 'Delete “{name}” for good', 'subs.deleted': 'The subscription is deleted.',
    'subs.create': 'Subscribe', 'subs.channel.WEBHOOK': 'Webhook', 'subs.channel.EMAIL': 'E-mail', 'subs.channel.INBOX': 'Inbox',
    'subs.targetHint': 'Webhook: the https address to call; e-mail: the address to write to; inbox: leave empty.',
    'subs.eventsLegend': 'Events (none ticked: all)', 'subs.digest.NONE': 'One e-mail per notification',
    'subs.digest.DAILY': 'A daily digest', 'subs.digest.WEEKLY': 'A weekly digest', 'subs.digestHint': 'E-mail only.',
    'subs.submit': 'Subscribe', 'subs.created': 'The subscription is created.',
    'subs.secret': 'The webhook’s signing secret', 'subs.secretOnce': 'Copy it now: it is shown this once and never again.',
    'subs.copy': 'Copy the secret', 'subs.copied': 'The secret is copied.', 'subs.copyFailed': 'Copying failed: select the secret and copy it.',
    'subs.pending': 'Check your mailbox: the subscription starts once you follow the link of the confirmation e-mail.',
  },
  fr: {
    'subs.title': 'Abonnements', 'subs.signIn': 'Connectez-vous pour voir vos abonnements.', 'subs.signInButton': 'Se connecter',
    'subs.none': 'Vous n’avez pas encore d’abonnement.', 'subs.caption': 'Vos abonnements',
    'subs.subscriber': 'Nom', 'subs.channel': 'Canal', 'subs.target': 'Où', 'subs.events': 'Événements',
    'subs.allEvents': 'Tous les événements', 'subs.status': 'Statut', 'subs.digest': 'Récapitulatif', 'subs.locale': 'Langue',
    'subs.delete': 'Supprimer', 'subs.actions': 'Actions', 'subs.confirmDelete': 'Supprimer « {name} » définitivement', 'subs.deleted': 'L’abonnement est supprimé.',
    'subs.create': 'S’abonner', 'subs.channel.WEBHOOK': 'Webhook', 'subs.channel.EMAIL': 'Courriel', 'subs.channel.INBOX': 'Boîte de réception',
    'subs.targetHint': 'Webhook : l’adresse https à appeler ; courriel : l’adresse où écrire ; boîte de réception : laisser vide.',
    'subs.eventsLegend': 'Événements (aucun coché : tous)', 'subs.digest.NONE': 'Un courriel par notification',
    'subs.digest.DAILY': 'Un récapitulatif quotidien', 'subs.digest.WEEKLY': 'Un récapitulatif hebdomadaire', 'subs.digestHint': 'Courriel seulement.',
    'subs.submit': 'S’abonner', 'subs.created': 'L’abonnement est créé.',
    'subs.secret': 'Le secret de signature du webhook', 'subs.secretOnce': 'Copiez-le maintenant : il n’est affiché que cette fois.',
    'subs.copy': 'Copier le secret', 'subs.copied': 'Le secret est copié.', 'subs.copyFailed': 'La copie a échoué : sélectionnez le secret et copiez-le.',
    'subs.pending': 'Consultez votre messagerie : l’abonnement commence quand vous suivez le lien du courriel de confirmation.',
  },
  'sr-Cyrl': {
    'subs.title': 'Претплате', 'subs.signIn': 'Пријавите се да бисте видели своје претплате.', 'subs.signInButton': 'Пријава',
    'subs.none': 'Још немате претплату.', 'subs.caption': 'Ваше претплате',
    'subs.subscriber': 'Назив', 'subs.channel': 'Канал', 'subs.target': 'Где', 'subs.events': 'Догађаји',
    'subs.allEvents': 'Сви догађаји', 'subs.status': 'Статус', 'subs.digest': 'Преглед', 'subs.locale': 'Језик',
    'subs.delete': 'Обриши', 'subs.actions': 'Радње', 'subs.confirmDelete': 'Трајно обриши „{name}“', 'subs.deleted': 'Претплата је обрисана.',
    'subs.create': 'Претплати се', 'subs.channel.WEBHOOK': 'Вебхук', 'subs.channel.EMAIL': 'Е-пошта', 'subs.channel.INBOX': 'Пријемно сандуче',
    'subs.targetHint': 'Вебхук: https адреса коју позивамо; е-пошта: адреса на коју пишемо; сандуче: оставите празно.',
    'subs.eventsLegend': 'Догађаји (ниједан означен: сви)', 'subs.digest.NONE': 'Једна порука по обавештењу',
    'subs.digest.DAILY': 'Дневни преглед', 'subs.digest.WEEKLY': 'Недељни преглед', 'subs.digestHint': 'Само за е-пошту.',
    'subs.submit': 'Претплати се', 'subs.created': 'Претплата је направљена.',
    'subs.secret': 'Тајни кључ за потпис вебхука', 'subs.secretOnce': 'Копирајте га сада: приказује се само овај пут.',
    'subs.copy': 'Копирај тајни кључ', 'subs.copied': 'Тајни кључ је копиран.', 'subs.copyFailed': 'Копирање није успело: изаберите кључ и копирајте га.',
    'subs.pending': 'Проверите пошту: претплата почиње када отворите везу из поруке за потврду.',
  },
});

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
  const form = h('form', { novalidate: true, 'data-test': 'create-subscription', onsubmit: async (event) => {
    event.preventDefault();
    clearProblem(form);
    const channel = value(form, 'channel');
    const types = checked(form, 'eventTypes');
    const body = { subscriber: value(form, 'subscriber'), channel, target: channel === 'INBOX' ? undefined : value(form, 'target'),
      eventTypes: types.length ? types : undefined, digest: channel === 'EMAIL' ? value(form, 'digest') : undefined,
      locale: value(form, 'locale') };
    try {
      const answer = await busy(form, () => api('/api/subscriptions', { method: 'POST', body }));
      form.reset();
      showCreated(created, answer.body);
      await refresh();
    } catch (problem) {
      showFormProblem(form, problem).focus();
    }
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
