// What the pages of plans, searches, calls, the inbox and subscriptions share: the API's enum values
// with their labels, form fields, and a 422 placed at the field it names.
import { t, messages } from '../i18n.js';
import { h, showProblem, scrollable, busy, clearProblem } from '../ui.js';
import { api } from '../api.js';
import { navigate } from '../app.js';
import dictionary from '../messages/forms.json' with { type: 'json' };

export const THEMES = ['GENDER_EQUALITY', 'RULE_OF_LAW', 'YOUTH', 'LOCAL_ECONOMIC_DEVELOPMENT', 'ENVIRONMENT',
  'URBAN_PLANNING', 'CULTURE', 'HERITAGE', 'AGRICULTURE', 'EDUCATION', 'TOURISM', 'HEALTH', 'SOCIAL_AFFAIRS',
  'EU_INTEGRATION'];
export const SOURCES = ['FRENCH_MFA', 'EU_CALL', 'LOCAL_BUDGET', 'OTHER'];
export const PLAN_STATUSES = ['DRAFT', 'SIGNED', 'COMPLETED', 'CANCELLED'];
export const EVENT_TYPES = ['PartnershipEstablished', 'PartnershipWentDormant', 'PartnershipReactivated',
  'PartnershipEnded', 'PartnerSearchOpened', 'PartnerSearchClosed', 'FundingCallPublished', 'FundingCallClosingSoon',
  'FundingCallClosed', 'PlanDrafted', 'PlanSignatureRecorded', 'PlanSigned', 'ActivityCompleted', 'PlanCompleted',
  'PlanCancelled'];

messages(dictionary);

export const themeLabel = (theme) => t(`f.theme.${theme}`);
export const sourceLabel = (source) => t(`f.source.${source}`);
export const statusLabel = (status) => t(`f.status.${status}`);
/** labelOf, with 'ANY' said as "any". */
export const anyOr = (labelOf) => (value) => (value === 'ANY' ? t('f.any') : labelOf(value));

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

/** A filter form: its fields' values become the query of path's hash. */
export function filters(path, ...fields) {
  return h('form', { class: 'filters', onsubmit: (event) => {
    event.preventDefault();
    navigate(hashOf(path, Object.fromEntries(new FormData(event.currentTarget))));
  } }, fields, h('button', { type: 'submit', class: 'button' }, t('f.filter')));
}

/**
 * A form that sends one command: body(form) POSTed to path while the form is busy, then
 * done(answer); a refusal is shown at the fields it names (a 412: that it changed meanwhile).
 */
export function commandForm(attrs, { path, body, etag, done }, ...children) {
  const form = h('form', { novalidate: true, ...attrs, onsubmit: async (event) => {
    event.preventDefault();
    clearProblem(form);
    try {
      const answer = await busy(form, () => api(path, { method: 'POST', body: body(form), etag }));
      await done(answer);
    } catch (problem) {
      showFormProblem(form, problem.status === 412 ? { ...problem, detail: t('f.stale') } : problem).focus();
    }
  } }, ...children);
  return form;
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
