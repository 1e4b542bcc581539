package org.decoop.events;

/** What kind of local authority a partner is. */
public enum LocalAuthorityKind {

	MUNICIPALITY, CITY, DEPARTMENT, REGION, PROVINCE

}
