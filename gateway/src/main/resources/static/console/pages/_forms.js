// What the pages of plans, searches, calls, the inbox and subscriptions share: the API's enum values
// with their labels, form fields, and a 422 placed at the field it names.
import { t, messages } from '../i18n.js';
import { h, showProblem, scrollable } from '../ui.js';

export const THEMES = ['GENDER_EQUALITY', 'RULE_OF_LAW', 'YOUTH', 'LOCAL_ECONOMIC_DEVELOPMENT', 'ENVIRONMENT',
  'URBAN_PLANNING', 'CULTURE', 'HERITAGE', 'AGRICULTURE', 'EDUCATION', 'TOURISM', 'HEALTH', 'SOCIAL_AFFAIRS',
  'EU_INTEGRATION'];
export const SOURCES = ['FRENCH_MFA', 'EU_CALL', 'LOCAL_BUDGET', 'OTHER'];
export const PLAN_STATUSES = ['DRAFT', 'SIGNED', 'COMPLETED', 'CANCELLED'];
export const EVENT_TYPES = ['PartnershipEstablished', 'PartnershipWentDormant', 'PartnershipReactivated',
  'PartnershipEnded', 'PartnerSearchOpened', 'PartnerSearchClosed', 'FundingCallPublished', 'FundingCallClosingSoon',
  'FundingCallClosed', 'PlanDrafted', 'PlanSignatureRecorded', 'PlanSigned', 'ActivityCompleted', 'PlanCompleted',
  'PlanCancelled'];

messages({
  en: {
    'f.theme.GENDER_EQUALITY': 'Gender equality', 'f.theme.RULE_OF_LAW': 'Rule of law', 'f.theme.YOUTH': 'Youth',
    'f.theme.LOCAL_ECONOMIC_DEVELOPMENT': 'Local economic development', 'f.theme.ENVIRONMENT': 'Environment',
    'f.theme.URBAN_PLANNING': 'Urban planning', 'f.theme.CULTURE': 'Culture', 'f.theme.HERITAGE': 'Heritage',
    'f.theme.AGRICULTURE': 'Agriculture', 'f.theme.EDUCATION': 'Education', 'f.theme.TOURISM': 'Tourism',
    'f.theme.HEALTH': 'Health', 'f.theme.SOCIAL_AFFAIRS': 'Social affairs', 'f.theme.EU_INTEGRATION': 'EU integration',
    'f.source.FRENCH_MFA': 'French Ministry for Europe and Foreign Affairs', 'f.source.EU_CALL': 'EU call',
    'f.source.LOCAL_BUDGET': 'Local budget', 'f.source.OTHER': 'Other',
    'f.status.DRAFT': 'Draft', 'f.status.SIGNED': 'Signed', 'f.status.COMPLETED': 'Completed',
    'f.status.CANCELLED': 'Cancelled', 'f.status.OPEN': 'Open', 'f.status.CLOSED': 'Closed',
    'f.status.UPCOMING': 'Upcoming', 'f.status.ACTIVE': 'Active', 'f.status.PENDING_CONFIRMATION': 'Awaiting confirmation',
    'f.status.DISABLED': 'Disabled',
    'f.any': 'Any', 'f.none': 'None', 'f.filter': 'Show', 'f.signInFirst': 'Sign in to do this.',
    'f.stale': 'Someone changed it meanwhile: here it is as it is now. Check it and try again.',
    'f.previous': 'Previous page', 'f.next': 'Next page', 'f.page': 'Page {page}',
  },
  fr: {
    'f.theme.GENDER_EQUALITY': 'Égalité femmes-hommes', 'f.theme.RULE_OF_LAW': 'État de droit', 'f.theme.YOUTH': 'Jeunesse',
    'f.theme.LOCAL_ECONOMIC_DEVELOPMENT': 'Développement économique local', 'f.theme.ENVIRONMENT': 'Environnement',
    'f.theme.URBAN_PLANNING': 'Urbanisme', 'f.theme.CULTURE': 'Culture', 'f.theme.HERITAGE': 'Patrimoine',
    'f.theme.AGRICULTURE': 'Agriculture', 'f.theme.EDUCATION': 'Éducation', 'f.theme.TOURISM': 'Tourisme',
    'f.theme.HEALTH': 'Santé', 'f.theme.SOCIAL_AFFAIRS': 'Affaires sociales', 'f.theme.EU_INTEGRATION': 'Intégration européenne',
    'f.source.FRENCH_MFA': 'Ministère de l’Europe et des Affaires étrangères', 'f.source.EU_CALL': 'Appel de l’UE',
    'f.source.LOCAL_BUDGET': 'Budget local', 'f.source.OTHER': 'Autre',
    'f.status.DRAFT': 'Projet', 'f.status.SIGNED': 'Signé', 'f.status.COMPLETED': 'Achevé',
    'f.status.CANCELLED': 'Annulé', 'f.status.OPEN': 'Ouvert', 'f.status.CLOSED': 'Clos',
    'f.status.UPCOMING': 'À venir', 'f.status.ACTIVE': 'Actif', 'f.status.PENDING_CONFIRMATION': 'En attente de confirmation',
    'f.status.DISABLED': 'Désactivé',
    'f.any': 'Tous', 'f.none': 'Aucun', 'f.filter': 'Afficher', 'f.signInFirst': 'Connectez-vous pour le faire.',
    'f.stale': 'Quelqu’un l’a modifié entre-temps : le voici tel qu’il est. Vérifiez et recommencez.',
    'f.previous': 'Page précédente', 'f.next': 'Page suivante', 'f.page': 'Page {page}',
  },
  'sr-Cyrl': {
    'f.theme.GENDER_EQUALITY': 'Родна равноправност', 'f.theme.RULE_OF_LAW': 'Владавина права', 'f.theme.YOUTH': 'Млади',
    'f.theme.LOCAL_ECONOMIC_DEVELOPMENT': 'Локални економски развој', 'f.theme.ENVIRONMENT': 'Животна средина',
    'f.theme.URBAN_PLANNING': 'Урбанизам', 'f.theme.CULTURE': 'Култура', 'f.theme.HERITAGE': 'Наслеђе',
    'f.theme.AGRICULTURE': 'Пољопривреда', 'f.theme.EDUCATION': 'Образовање', 'f.theme.TOURISM': 'Туризам',
    'f.theme.HEALTH': 'Здравство', 'f.theme.SOCIAL_AFFAIRS': 'Социјална питања', 'f.theme.EU_INTEGRATION': 'Европске интеграције',
    'f.source.FRENCH_MFA': 'Министарство за Европу и спољне послове Француске', 'f.source.EU_CALL': 'Позив ЕУ',
    'f.source.LOCAL_BUDGET': 'Локални буџет', 'f.source.OTHER': 'Остало',
    'f.status.DRAFT': 'Нацрт', 'f.status.SIGNED': 'Потписан', 'f.status.COMPLETED': 'Завршен',
    'f.status.CANCELLED': 'Отказан', 'f.status.OPEN': 'Отворен', 'f.status.CLOSED': 'Затворен',
    'f.status.UPCOMING': 'Предстоји', 'f.status.ACTIVE': 'Активна', 'f.status.PENDING_CONFIRMATION': 'Чека потврду',
    'f.status.DISABLED': 'Искључена',
    'f.any': 'Сви', 'f.none': 'Ништа', 'f.filter': 'Прикажи', 'f.signInFirst': 'Пријавите се да бисте то урадили.',
    'f.stale': 'Неко је у међувремену изменио податке: ово је тренутно стање. Проверите и покушајте поново.',
    'f.previous': 'Претходна страна', 'f.next': 'Следећа страна', 'f.page': 'Страна {page}',
  },
});

export const themeLabel = (theme) => t(`f.theme.${theme}`);
export const sourceLabel = (source) => t(`f.source.${source}`);
export const statusLabel = (status) => t(`f.status.${status}`);

let unique = 0;

/** A labelled input (or select, textarea): the input's name is the API's field path. */
export function field(label, input, hint) {
  input.id ||= `f-${++unique}`;
  const hintId = hint ? `${input.id}-hint` : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: input.id }, label), input, hint ? h('p', { class: 'muted', id: hintId }, hint) : null);
}

/** A select of values with their labels; anyLabel adds an empty first choice. */
export function select(name, values, labelOf, { selected, anyLabel, ...attrs } = {}) {
  return h('select', { name, ...attrs },
    anyLabel ? h('option', { value: '' }, anyLabel) : null,
    values.map((value) => h('option', { value, selected: value === selected }, labelOf(value))));
}

/** Checkboxes sharing a name, in a fieldset with a legend. */
export function checkboxes(name, legend, values, labelOf, checked = []) {
  const fieldset = h('fieldset', { class: 'checkboxes', name },
    h('legend', {}, legend),
    values.map((value) => h('label', {},
      h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), ' ', labelOf(value))));
  fieldset.style.minWidth = '0';
  return fieldset;
}

/** The checked values of the checkboxes named name in form. */
export function checked(form, name) {
  return [...form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(name)}"]:checked`)].map((c) => c.value);
}

/** A text value, or undefined when empty (so that the API's default applies). */
export function value(form, name) {
  const input = form.elements.namedItem(name);
  const text = input && 'value' in input ? input.value.trim() : '';
  return text === '' ? undefined : text;
}

/**
 * Shows a problem at the fields of form: the API names a funding line (activities[0].funding[1]) or an
 * activity (activities[0]) where the form has inputs for their parts, so an error naming a whole is put
 * at its first input (the line's amount first: a line over its call's cap is about its amount).
 */
export function showFormProblem(form, problem) {
  const errors = (problem?.errors || []).map((error) => ({ ...error, field: inputFor(form, error.field) }));
  return showProblem(form, { ...problem, title: problem?.title, detail: problem?.detail, errors });
}

function inputFor(form, name) {
  if (!name) return name;
  const named = (candidate) => form.querySelector(`[name="${CSS.escape(candidate)}"]:not(fieldset)`);
  if (named(name)) return name;
  for (const part of ['amountEur', 'title', 'code', 'reason']) {
    if (named(`${name}.${part}`)) return `${name}.${part}`;
  }
  // a list's element (countries[1], themes[0]): the list's input
  const list = name.replace(/\[\d+\]$/, '');
  if (list !== name && form.querySelector(`[name="${CSS.escape(list)}"]`)) return list;
  const first = [...form.querySelectorAll('[name]:not(fieldset)')].find((input) => input.name.startsWith(`${name}.`));
  return first ? first.name : name;
}

/** Appends children to parent as h() does: arrays flattened, null, undefined and false left out. */
export function add(parent, ...children) {
  parent.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return parent;
}

/** A table that scrolls inside a focusable region named by its caption (or its aria-label) on a narrow screen. */
export function table(attrs, ...children) {
  const caption = children.find((child) => child instanceof Element && child.tagName === 'CAPTION');
  return scrollable(caption ? caption.textContent : attrs['aria-label'], h('table', attrs, ...children));
}

/** Previous / next links for a Spring PagedModel answer's page, to hashes made by hashFor(page). */
export function pager(page, hashFor) {
  if (!page || page.totalPages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': t('f.page', { page: page.number + 1 }) },
    page.number > 0 ? h('a', { href: hashFor(page.number - 1), 'data-test': 'previous-page' }, t('f.previous')) : null,
    ' ', t('f.page', { page: page.number + 1 }), ' ',
    page.number + 1 < page.totalPages ? h('a', { href: hashFor(page.number + 1), 'data-test': 'next-page' }, t('f.next')) : null);
}

/** The hash of path with the given query (empty values left out). */
export function hashOf(path, query) {
  const params = new URLSearchParams();
  for (const [key, val] of Object.entries(query)) {
    if (val !== undefined && val !== null && val !== '') params.set(key, val);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
