// Small helpers every page uses. Data goes into text nodes and attributes, never innerHTML.
import { t, messages } from './i18n.js';

messages({
  en: { 'ui.loading': 'Loading…', 'ui.problem': 'Something went wrong', 'ui.fieldProblems': 'Please correct:' },
  fr: { 'ui.loading': 'Chargement…', 'ui.problem': 'Une erreur est survenue', 'ui.fieldProblems': 'À corriger :' },
  'sr-Cyrl': { 'ui.loading': 'Учитавање…', 'ui.problem': 'Дошло је до грешке', 'ui.fieldProblems': 'Исправите:' },
});

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' && 'value' in element && element.namespaceURI !== SVG) {
      element.value = value;
    } else {
      element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('a', {href: '#/x', 'data-test': 'y', onclick: fn}, 'text', otherElement, [more]). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, as h. */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

/** Empties an element and puts the children in. */
export function replace(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}

/** Says something to screen readers (and shows it) in the shell's polite live region. */
export function announce(message) {
  const region = document.getElementById('messages');
  if (!region) return;
  region.textContent = '';
  // a new text node after clearing, so the same message twice is announced twice
  setTimeout(() => {
    region.textContent = message;
  }, 50);
  // then out of the way: it is shown over the page's bottom
  clearTimeout(announce.clearing);
  announce.clearing = setTimeout(() => {
    if (region.textContent === message) region.textContent = '';
  }, 8000);
}

/**
 * Shows a failed call in container: the problem's detail in an alert, and a 422's errors next to the
 * fields they name (inputs whose name is the API's field path, e.g. fundingLines[0].amount).
 * Returns the alert element.
 */
export function showProblem(container, problem) {
  clearProblem(container);
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  const unplaced = [];
  for (const error of errors) {
    const field = error.field || error.pointer || error.name;
    const input = field ? container.querySelector(`[name="${CSS.escape(field)}"]`) : null;
    if (!input) {
      unplaced.push(error);
      continue;
    }
    const id = `problem-${Math.random().toString(36).slice(2)}`;
    const note = h('p', { class: 'field-problem', id, 'data-test': 'field-problem', 'data-field': field },
      error.message || error.detail || '');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    (input.closest('label') || input).after(note);
  }
  const alert = h('div', { class: 'problem', role: 'alert', 'data-test': 'problem', tabindex: '-1' },
    h('p', { class: 'problem-title' }, problem?.title || t('ui.problem')),
    problem?.detail && problem.detail !== problem.title ? h('p', {}, problem.detail) : null,
    unplaced.length ? h('ul', {}, unplaced.map((e) => h('li', {}, [e.field, e.message || e.detail].filter(Boolean).join(': ')))) : null);
  container.prepend(alert);
  return alert;
}

/** Removes what showProblem put in container. */
export function clearProblem(container) {
  container.querySelectorAll(':scope > .problem, .field-problem').forEach((e) => e.remove());
  container.querySelectorAll('[aria-invalid="true"]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
}

/**
 * Runs work while element (a button, a form, a region) shows it is busy: aria-busy, and buttons disabled
 * so a double click does not send twice. Returns what work returns.
 */
export async function busy(element, work) {
  const buttons = element.matches('button') ? [element] : [...element.querySelectorAll('button')];
  const wasDisabled = buttons.map((b) => b.disabled);
  element.setAttribute('aria-busy', 'true');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return await work();
  } finally {
    element.removeAttribute('aria-busy');
    buttons.forEach((b, i) => { b.disabled = wasDisabled[i]; });
  }
}

/** A "loading" placeholder for a page's main area. */
export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('ui.loading'));
}

/**
 * A wide element (a table) that scrolls sideways inside itself on a narrow screen, never the page: a region
 * named label, focusable so that the keyboard can scroll it too.
 */
export function scrollable(label, child) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0' }, child);
}
