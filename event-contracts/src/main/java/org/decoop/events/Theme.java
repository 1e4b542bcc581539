package org.decoop.events;

/**
 * The themes partnerships work on and action plans focus on: one list for every service.
 */
public enum Theme {

	GENDER_EQUALITY, RULE_OF_LAW, YOUTH, LOCAL_ECONOMIC_DEVELOPMENT, ENVIRONMENT, URBAN_PLANNING, CULTURE, HERITAGE,
	AGRICULTURE, EDUCATION, TOURISM, HEALTH, SOCIAL_AFFAIRS, EU_INTEGRATION

}
