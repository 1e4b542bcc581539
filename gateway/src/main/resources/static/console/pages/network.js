import { route } from '../app.js';
import { h } from '../ui.js';
import { t, messages } from '../i18n.js';

messages({ en: { 'network.title': 'Network' }, fr: { 'network.title': 'Réseau' }, 'sr-Cyrl': { 'network.title': 'Мрежа' } });

route('#/network', async (params, main) => {
  main.append(h('h1', {}, t('network.title')));
});
