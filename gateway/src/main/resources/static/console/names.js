// The API's codes (themes, statuses, funding sources, countries) in the person's language.
import { t, messages, language } from './i18n.js';

messages({
  en: {
    'theme.GENDER_EQUALITY': 'Gender equality', 'theme.RULE_OF_LAW': 'Rule of law', 'theme.YOUTH': 'Youth',
    'theme.LOCAL_ECONOMIC_DEVELOPMENT': 'Local economic development', 'theme.ENVIRONMENT': 'Environment',
    'theme.URBAN_PLANNING': 'Urban planning', 'theme.CULTURE': 'Culture', 'theme.HERITAGE': 'Heritage',
    'theme.AGRICULTURE': 'Agriculture', 'theme.EDUCATION': 'Education', 'theme.TOURISM': 'Tourism',
    'theme.HEALTH': 'Health', 'theme.SOCIAL_AFFAIRS': 'Social affairs', 'theme.EU_INTEGRATION': 'EU integration',
    'partnershipStatus.ACTIVE': 'Active', 'partnershipStatus.DORMANT': 'Dormant', 'partnershipStatus.ENDED': 'Ended',
    'planStatus.DRAFT': 'Draft', 'planStatus.SIGNED': 'Signed', 'planStatus.COMPLETED': 'Completed',
    'planStatus.CANCELLED': 'Cancelled',
    'source.FRENCH_MFA': 'French Ministry of Foreign Affairs', 'source.EU_CALL': 'EU call',
    'source.LOCAL_BUDGET': 'Local budget', 'source.OTHER': 'Other',
  },
  fr: {
    'theme.GENDER_EQUALITY': 'Égalité femmes-hommes', 'theme.RULE_OF_LAW': 'État de droit', 'theme.YOUTH': 'Jeunesse',
    'theme.LOCAL_ECONOMIC_DEVELOPMENT': 'Développement économique local', 'theme.ENVIRONMENT': 'Environnement',
    'theme.URBAN_PLANNING': 'Urbanisme', 'theme.CULTURE': 'Culture', 'theme.HERITAGE': 'Patrimoine',
    'theme.AGRICULTURE': 'Agriculture', 'theme.EDUCATION': 'Éducation', 'theme.TOURISM': 'Tourisme',
    'theme.HEALTH': 'Santé', 'theme.SOCIAL_AFFAIRS': 'Affaires sociales', 'theme.EU_INTEGRATION': 'Intégration européenne',
    'partnershipStatus.ACTIVE': 'Active', 'partnershipStatus.DORMANT': 'En sommeil', 'partnershipStatus.ENDED': 'Terminée',
    'planStatus.DRAFT': 'Brouillon', 'planStatus.SIGNED': 'Signé', 'planStatus.COMPLETED': 'Réalisé',
    'planStatus.CANCELLED': 'Annulé',
    'source.FRENCH_MFA': 'Ministère de l’Europe et des Affaires étrangères', 'source.EU_CALL': 'Appel de l’UE',
    'source.LOCAL_BUDGET': 'Budget local', 'source.OTHER': 'Autre',
  },
  'sr-Cyrl': {
    'theme.GENDER_EQUALITY': 'Родна равноправност', 'theme.RULE_OF_LAW': 'Владавина права', 'theme.YOUTH': 'Млади',
    'theme.LOCAL_ECONOMIC_DEVELOPMENT': 'Локални економски развој', 'theme.ENVIRONMENT': 'Животна средина',
    'theme.URBAN_PLANNING': 'Урбанизам', 'theme.CULTURE': 'Култура', 'theme.HERITAGE': 'Културно наслеђе',
    'theme.AGRICULTURE': 'Пољопривреда', 'theme.EDUCATION': 'Образовање', 'theme.TOURISM': 'Туризам',
    'theme.HEALTH': 'Здравље', 'theme.SOCIAL_AFFAIRS': 'Социјална питања', 'theme.EU_INTEGRATION': 'Европске интеграције',
    'partnershipStatus.ACTIVE': 'Активно', 'partnershipStatus.DORMANT': 'У мировању', 'partnershipStatus.ENDED': 'Окончано',
    'planStatus.DRAFT': 'Нацрт', 'planStatus.SIGNED': 'Потписан', 'planStatus.COMPLETED': 'Остварен',
    'planStatus.CANCELLED': 'Отказан',
    'source.FRENCH_MFA': 'Министарство спољних послова Француске', 'source.EU_CALL': 'Позив ЕУ',
    'source.LOCAL_BUDGET': 'Локални буџет', 'source.OTHER': 'Остало',
  },
});

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
