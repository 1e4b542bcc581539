package org.decoop.notification.subscription.domain;

/**
 * How an EMAIL subscription's notifications reach the mailbox: one e-mail per
 * notification ({@code NONE}, the default), or one e-mail per day or per week listing the
 * period's notifications. Other channels deliver each notification as it comes.
 */
public enum Digest {

	NONE, DAILY, WEEKLY

}
