// The shell: a hash router, the header's labels, the language switcher and who is signed in.
import { t, messages, language, setLanguage, LANGUAGES } from './i18n.js';
import { currentSession, signIn, signOut, takeReturnHash } from './api.js';
import { h, replace, showProblem, loading, announce } from './ui.js';
import dictionary from './messages/shell.json' with { type: 'json' };

messages(dictionary);

/** Each language named in itself, for the switcher. */
const LANGUAGE_NAMES = { fr: 'Français', 'sr-Cyrl': 'Српски (ћирилица)', 'sr-Latn': 'Srpski (latinica)', en: 'English' };

const DEFAULT_ROUTE = '#/network';

const routes = [];

let started = false;

let shown = null;

/**
 * Declares a page: pattern like '#/plans/:id'; render(params, main) is async and fills main.
 */
export function route(pattern, render) {
  const names = [];
  const source = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:(\w+)/g, (whole, name) => {
      names.push(name);
      return '([^/?]+)';
    });
  routes.push({ pattern, regex: new RegExp(`^${source}(?:\\?.*)?$`), names, render });
  // a page module that loads after the start renders its page if it is the one asked for
  if (started && !shown && match(location.hash)) show({ focus: false });
}

/** Goes to a hash (e.g. '#/partnerships/42'). */
export function navigate(hash) {
  if (location.hash === hash) show({ focus: true });
  else location.hash = hash;
}

/** The query part of the current hash ('#/network?country=RS' → URLSearchParams of country=RS). */
export function hashQuery() {
  const at = location.hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : location.hash.slice(at + 1));
}

function match(hash) {
  for (const candidate of routes) {
    const found = candidate.regex.exec(hash);
    if (found) {
      const params = {};
      candidate.names.forEach((name, i) => { params[name] = decodeURIComponent(found[i + 1]); });
      return { route: candidate, params };
    }
  }
  return null;
}

let generation = 0;

async function show({ focus }) {
  const main = document.getElementById('view');
  const hash = location.hash || DEFAULT_ROUTE;
  const found = match(hash);
  markCurrentLink(hash);
  // each navigation renders into a fresh element: a slower, older render fills a detached one
  const view = h('div', { class: 'page' }, loading());
  const mine = ++generation;
  replace(main, view);
  shown = found;
  try {
    if (!found) {
      replace(view, h('h1', {}, t('shell.notFound')), h('p', {}, t('shell.notFoundDetail')));
    } else {
      view.replaceChildren();
      await found.route.render(found.params, view);
    }
  } catch (problem) {
    if (mine === generation) {
      if (!view.querySelector('h1')) view.prepend(h('h1', {}, t('ui.problem')));
      showProblem(view, problem);
      console.error(problem);
    }
  } finally {
    if (mine === generation) {
      const heading = view.querySelector('h1');
      document.title = heading ? `${heading.textContent} — decoop` : t('shell.title');
      if (focus) main.focus();
    }
  }
}

function markCurrentLink(hash) {
  const section = hash.split(/[/?]/)[1] || '';
  const aliases = { partnerships: 'network' };
  const current = aliases[section] || section;
  document.querySelectorAll('#nav a').forEach((link) => {
    const linkSection = link.getAttribute('href').split('/')[1];
    if (linkSection === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

function labelShell() {
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  });
}

function buildLanguageSwitcher() {
  const select = document.getElementById('language');
  replace(select, LANGUAGES.map((tag) => h('option', { value: tag, lang: tag }, LANGUAGE_NAMES[tag])));
  select.value = language();
  select.addEventListener('change', () => setLanguage(select.value));
}

async function showSession() {
  const area = document.getElementById('session');
  const session = await currentSession();
  if (!session) {
    replace(area, h('button', { type: 'button', class: 'link-button', 'data-test': 'sign-in', onclick: () => signIn() },
      t('shell.signIn')));
    return;
  }
  const name = session.name || session.username;
  replace(area,
    h('span', { class: 'who', 'data-test': 'who', 'data-username': session.username }, t('shell.signedInAs', { name })),
    h('button', { type: 'button', class: 'link-button', 'data-test': 'sign-out', onclick: () => signOut() },
      t('shell.signOut')));
}

function start() {
  buildLanguageSwitcher();
  labelShell();
  document.querySelector('.skip').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('view').focus();
  });
  const menu = document.getElementById('menu-toggle');
  menu.addEventListener('click', () => {
    const open = menu.getAttribute('aria-expanded') !== 'true';
    menu.setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('hashchange', () => {
    if (!location.hash.startsWith('#/')) return;
    menu.setAttribute('aria-expanded', 'false');
    show({ focus: true });
  });
  window.addEventListener('decoop:language', () => {
    labelShell();
    showSession();
    show({ focus: false });
    announceLanguage();
  });
  started = true;
  const back = takeReturnHash();
  if (back && back.startsWith('#/')) history.replaceState(null, '', back);
  else if (!location.hash.startsWith('#/')) history.replaceState(null, '', DEFAULT_ROUTE);
  showSession();
  show({ focus: false });
  // the gateway sends a failed sign-in back to /console/?sign-in=failed
  const query = new URLSearchParams(location.search);
  if (query.get('sign-in') === 'failed') {
    showProblem(document.body.querySelector('#view'), { title: t('shell.signInFailed') });
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
  }
}

function announceLanguage() {
  announce(t('shell.languageChanged'));
}

// The page modules are module scripts after this one: they have all run (or failed) by DOMContentLoaded.
// Module scripts run once the document is parsed ('interactive'), before that event: wait for it.
if (document.readyState === 'complete') start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
