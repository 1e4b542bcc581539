// Drafting a plan with its activities and funding lines; a refusal is shown at the field it names
// (a funding line over its call's cap: at that line's amount).
import { route, navigate } from '../app.js';
import { api, currentSession, signIn } from '../api.js';
import { t, messages, formatMoney } from '../i18n.js';
import { h, announce } from '../ui.js';
import { THEMES, SOURCES, themeLabel, sourceLabel, field, select, checkboxes, checked, add, commandForm } from './_forms.js';
import dictionary from '../messages/plan-draft.json' with { type: 'json' };

messages(dictionary);

route('#/plans/new', async (params, main) => {
  const session = await currentSession();
  add(main, h('h1', {}, t('draft.title')));
  if (!session) {
    add(main, h('p', {}, t('draft.signIn')), h('button', { type: 'button', class: 'button', onclick: signIn, 'data-test': 'sign-in' }, t('draft.signInButton')));
    return;
  }
  const [calls, partnerships] = await Promise.all([
    api('/api/funding-calls?status=OPEN&size=200').then((a) => a.body.content || []),
    api('/api/partnerships?size=200').then((a) => a.body.content || []),
  ]);
  let model = {
    year: String(new Date().getFullYear()), title: '', themes: [],
    parties: [{ code: session.actsFor?.[0] || '', name: session.name || '' }, { code: '', name: '' }],
    activities: [emptyActivity()],
  };
  const form = commandForm({ class: 'draft', 'data-test': 'draft-form' }, { path: '/api/plans', body,
    done: (answer) => {
      announce(t('draft.drafted'));
      navigate(`#/plans/${encodeURIComponent(answer.body.id)}`);
    } });
  add(main, form);
  render();

  function emptyActivity() {
    return { title: '', theme: THEMES[0], partnershipIds: [], startsOn: '', endsOn: '', funding: [{ source: SOURCES[0], amountEur: '', callId: '' }] };
  }

  /** The form as the model (so that adding or removing a row keeps what was typed). */
  function read() {
    const text = (name) => form.elements.namedItem(name)?.value ?? '';
    return {
      year: text('year'), title: text('title'), themes: checked(form, 'themes'),
      parties: model.parties.map((p, i) => ({ code: text(`parties[${i}].code`), name: text(`parties[${i}].name`) })),
      activities: model.activities.map((a, i) => ({
        title: text(`activities[${i}].title`), theme: text(`activities[${i}].theme`),
        partnershipIds: [...(form.elements.namedItem(`activities[${i}].partnershipIds`)?.selectedOptions || [])].map((o) => o.value),
        startsOn: text(`activities[${i}].startsOn`), endsOn: text(`activities[${i}].endsOn`),
        funding: a.funding.map((l, j) => {
          const at = `activities[${i}].funding[${j}]`;
          return { source: text(`${at}.source`), amountEur: text(`${at}.amountEur`), callId: text(`${at}.callId`) };
        }),
      })),
    };
  }

  /** Changes the model as the form says, then draws it again and focuses focusName (a new row's first input). */
  function change(edit, focusName) {
    model = read();
    edit(model);
    render();
    form.elements.namedItem(focusName)?.focus?.();
  }

  function render() {
    const m = model;
    form.replaceChildren(
      field(t('draft.year'), h('input', { name: 'year', type: 'number', min: 1990, max: 2100, required: true, value: m.year, inputmode: 'numeric' })),
      field(t('draft.planTitle'), h('input', { name: 'title', required: true, maxlength: 300, value: m.title })),
      h('fieldset', { name: 'parties' }, h('legend', {}, t('draft.parties')),
        m.parties.map((party, i) => h('fieldset', { class: 'row', 'data-test': 'draft-party' },
          h('legend', {}, t('draft.party', { n: i + 1 })),
          field(t('draft.code'), h('input', { name: `parties[${i}].code`, value: party.code, required: true, autocapitalize: 'characters' }), t('draft.codeHint')),
          field(t('draft.name'), h('input', { name: `parties[${i}].name`, value: party.name, required: true })),
          m.parties.length > 2 ? h('button', { type: 'button', class: 'button secondary',
            onclick: () => change((x) => x.parties.splice(i, 1), 'parties[0].code') }, t('draft.removeParty', { n: i + 1 })) : null)),
        h('button', { type: 'button', class: 'button secondary', 'data-test': 'add-party',
          onclick: () => change((x) => x.parties.push({ code: '', name: '' }), `parties[${m.parties.length}].code`) }, t('draft.addParty'))),
      checkboxes('themes', t('draft.themes'), THEMES, themeLabel, m.themes),
      h('fieldset', { name: 'activities' }, h('legend', {}, t('draft.activities')),
        m.activities.map((activity, i) => activityFields(activity, i)),
        h('button', { type: 'button', class: 'button secondary', 'data-test': 'add-activity',
          onclick: () => change((x) => x.activities.push(emptyActivity()), `activities[${m.activities.length}].title`) }, t('draft.addActivity'))),
      h('button', { type: 'submit', class: 'button', 'data-test': 'submit-plan' }, t('draft.submit')),
    );
    // a fieldset is as wide as its widest option by default: too wide for a phone
    form.querySelectorAll('fieldset').forEach((fieldset) => { fieldset.style.minWidth = '0'; });
  }

  function activityFields(activity, i) {
    const at = `activities[${i}]`;
    return h('fieldset', { class: 'activity', 'data-test': 'draft-activity' },
      h('legend', {}, t('draft.activity', { n: i + 1 })),
      field(t('draft.activityTitle'), h('input', { name: `${at}.title`, value: activity.title, required: true, maxlength: 300 })),
      field(t('draft.theme'), select(`${at}.theme`, THEMES, themeLabel, { selected: activity.theme })),
      field(t('draft.partnerships'), h('select', { name: `${at}.partnershipIds`, multiple: true, size: 4 },
        partnerships.map((p) => h('option', { value: p.id, selected: activity.partnershipIds.includes(p.id) },
          p.partners.map((partner) => partner.name).join(' – ')))), t('draft.partnershipsHint')),
      field(t('draft.startsOn'), h('input', { name: `${at}.startsOn`, type: 'date', value: activity.startsOn })),
      field(t('draft.endsOn'), h('input', { name: `${at}.endsOn`, type: 'date', value: activity.endsOn })),
      activity.funding.map((line, j) => h('fieldset', { class: 'row', 'data-test': 'draft-line' },
        h('legend', {}, t('draft.line', { n: j + 1, a: i + 1 })),
        field(t('draft.source'), select(`${at}.funding[${j}].source`, SOURCES, sourceLabel, { selected: line.source })),
        field(t('draft.amount'), h('input', { name: `${at}.funding[${j}].amountEur`, type: 'number', min: 0, step: '0.01', required: true, value: line.amountEur, inputmode: 'decimal' })),
        field(t('draft.call'), h('select', { name: `${at}.funding[${j}].callId` },
          h('option', { value: '' }, t('draft.noCall')),
          calls.map((call) => h('option', { value: call.id, selected: call.id === line.callId },
            t('draft.callOption', { code: call.code, max: formatMoney(call.maxGrantEur) }))))),
        activity.funding.length > 1 ? h('button', { type: 'button', class: 'button secondary',
          onclick: () => change((x) => x.activities[i].funding.splice(j, 1), `${at}.funding[0].source`) }, t('draft.removeLine', { n: j + 1, a: i + 1 })) : null)),
      h('button', { type: 'button', class: 'button secondary', 'data-test': 'add-line',
        onclick: () => change((x) => x.activities[i].funding.push({ source: SOURCES[0], amountEur: '', callId: '' }),
          `${at}.funding[${activity.funding.length}].source`) }, t('draft.addLine', { a: i + 1 })),
      model.activities.length > 1 ? h('button', { type: 'button', class: 'button secondary',
        onclick: () => change((x) => x.activities.splice(i, 1), 'activities[0].title') }, t('draft.removeActivity', { n: i + 1 })) : null);
  }


  /** The plan to draft, as the API takes it. */
  function body() {
    model = read();
    return {
      year: model.year === '' ? null : Number(model.year), title: model.title, themes: model.themes,
      parties: model.parties,
      activities: model.activities.map((a) => ({
        title: a.title, theme: a.theme, partnershipIds: a.partnershipIds,
        startsOn: a.startsOn || null, endsOn: a.endsOn || null,
        funding: a.funding.map((l) => ({ source: l.source, amountEur: l.amountEur === '' ? null : Number(l.amountEur), callId: l.callId || null })),
      })),
    };
  }
});
