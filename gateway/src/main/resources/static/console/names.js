// The API's codes (themes, statuses, funding sources, countries) in the person's language.
import { t, messages, language } from './i18n.js';
import dictionary from './messages/names.json' with { type: 'json' };

messages(dictionary);

export const THEMES = ['GENDER_EQUALITY', 'RULE_OF_LAW', 'YOUTH', 'LOCAL_ECONOMIC_DEVELOPMENT', 'ENVIRONMENT',
  'URBAN_PLANNING', 'CULTURE', 'HERITAGE', 'AGRICULTURE', 'EDUCATION', 'TOURISM', 'HEALTH', 'SOCIAL_AFFAIRS',
  'EU_INTEGRATION'];

export const PARTNERSHIP_STATUSES = ['ACTIVE', 'DORMANT', 'ENDED'];

export const PLAN_STATUSES = ['DRAFT', 'SIGNED', 'COMPLETED', 'CANCELLED'];

export const FUNDING_SOURCES = ['FRENCH_MFA', 'EU_CALL', 'LOCAL_BUDGET', 'OTHER'];

/** The countries decoop's local authorities are in. */
export const COUNTRIES = ['FR', 'RS'];

const named = (prefix) => (code) => {
  const text = t(`${prefix}.${code}`);
  return text === `${prefix}.${code}` ? code : text;
};

export const themeName = named('theme');
export const partnershipStatusName = named('partnershipStatus');
export const planStatusName = named('planStatus');
export const fundingSourceName = named('source');

/** An ISO 3166 country code's name in the current language (Intl), e.g. RS → Србија. */
export function countryName(code) {
  try {
    return new Intl.DisplayNames([language(), 'en'], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}
