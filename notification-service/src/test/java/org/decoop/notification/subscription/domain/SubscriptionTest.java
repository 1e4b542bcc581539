package org.decoop.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.notification.RetrySchedule;
import org.decoop.events.Channel;
import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

	private static final Actor OWNER = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);

	private static final Instant NOW = Instant.parse("2020-02-27T10:00:00Z");

	private static final EventFacts REACTIVATION = new EventFacts("PartnershipReactivated", Set.of("p-nevers-sm"),
			Set.of("nevers", "sremska-mitrovica"), Set.of("FR", "RS"), Set.of(Theme.CULTURE, Theme.YOUTH));

	@Test
	void matchesEveryEventWhenNoTypeAndNoFilterIsGiven() {
		Subscription all = Subscription.create(OWNER, "SKGO", Channel.INBOX, null, List.of(), null, NOW);

		assertThat(all.matches(REACTIVATION)).isTrue();
	}

	@Test
	void belongsToItsOwnerAndAnOwnerlessOneReceivesNothing() {
		Subscription mine = Subscription.create(OWNER, null, Channel.INBOX, null, List.of(), null, NOW);
		Subscription nobodys = new Subscription(mine.id(), null, "old", Channel.INBOX, null, Set.of(), null,
				Subscription.Status.ACTIVE, null, NOW);

		assertThat(mine.isOwnedBy(OWNER)).isTrue();
		assertThat(mine.subscriber()).as("the label defaults to the owner's name").isEqualTo("SKGO");
		assertThat(mine.isOwnedBy(new Actor(Actor.Kind.USER, "sub-other", "Other", Set.of("SKGO"), true))).isFalse();
		assertThat(nobodys.isOwnedBy(OWNER)).isFalse();
		assertThat(nobodys.matches(REACTIVATION)).as("stored before owners existed: nobody could read or stop it")
			.isFalse();
	}

	@Test
	void matchesOnlyTheNamedEventTypes() {
		Subscription signed = Subscription.create(OWNER, "SKGO", Channel.INBOX, null, List.of("PlanSigned"), null, NOW);
		Subscription reactivated = Subscription.create(OWNER, "SKGO", Channel.INBOX, null,
				List.of("PartnershipReactivated"), null, NOW);

		assertThat(signed.matches(REACTIVATION)).isFalse();
		assertThat(reactivated.matches(REACTIVATION)).isTrue();
	}

	@Test
	void filtersByPartnership() {
		assertThat(with(new Filter("p-nevers-sm", null, null, null)).matches(REACTIVATION)).isTrue();
		assertThat(with(new Filter("p-suresnes-kragujevac", null, null, null)).matches(REACTIVATION)).isFalse();
	}

	@Test
	void filtersByLocalAuthority() {
		assertThat(with(new Filter(null, "sremska-mitrovica", null, null)).matches(REACTIVATION)).isTrue();
		assertThat(with(new Filter(null, "kragujevac", null, null)).matches(REACTIVATION)).isFalse();
	}

	@Test
	void filtersByCountry() {
		assertThat(with(new Filter(null, null, Country.of("RS"), null)).matches(REACTIVATION)).isTrue();
		assertThat(with(new Filter(null, null, Country.of("DE"), null)).matches(REACTIVATION)).isFalse();
	}

	@Test
	void filtersByTheme() {
		assertThat(with(new Filter(null, null, null, Theme.YOUTH)).matches(REACTIVATION)).isTrue();
		assertThat(with(new Filter(null, null, null, Theme.HEALTH)).matches(REACTIVATION)).isFalse();
	}

	@Test
	void needsEveryGivenFilterFieldToMatch() {
		assertThat(with(new Filter("p-nevers-sm", null, Country.of("RS"), Theme.YOUTH)).matches(REACTIVATION)).isTrue();
		assertThat(with(new Filter("p-nevers-sm", null, Country.of("RS"), Theme.HEALTH)).matches(REACTIVATION))
			.isFalse();
	}

	@Test
	void matchesNothingOnceDisabled() {
		assertThat(with(Filter.NONE).disable("410 Gone").matches(REACTIVATION)).isFalse();
	}

	@Test
	void checksTheTargetAgainstTheChannel() {
		assertThatThrownBy(
				() -> Subscription.create(OWNER, "A", Channel.WEBHOOK, "ftp://example.org/hook", List.of(), null, NOW))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("target"));
		assertThatThrownBy(() -> Subscription.create(OWNER, "A", Channel.WEBHOOK, "https://user:pw@example.org/hook",
				List.of(), null, NOW))
			.isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> Subscription.create(OWNER, "A", Channel.EMAIL, "not-an-address", List.of(), null, NOW))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("target"));
		assertThatThrownBy(
				() -> Subscription.create(OWNER, "A", Channel.INBOX, "https://example.org", List.of(), null, NOW))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("target"));
		assertThat(
				Subscription.create(OWNER, "A", Channel.EMAIL, "coordination@skgo.org", List.of(), null, NOW).target())
			.isEqualTo("coordination@skgo.org");
	}

	@Test
	void refusesEventNamesOutsideTheCatalog() {
		assertThatThrownBy(() -> Subscription.create(OWNER, "A", Channel.INBOX, null,
				List.of("PlanSigned", "PlanApproved"), null, NOW))
			.isInstanceOfSatisfying(InvalidValue.class,
					e -> assertThat(e.field().orElseThrow()).hasToString("eventTypes[1]"));
	}

	@Test
	void spacesRetriesByTheScheduleThenGivesUp() {
		RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));

		assertThat(schedule.nextAttempt(1, NOW)).contains(NOW.plusSeconds(5));
		assertThat(schedule.nextAttempt(2, NOW)).contains(NOW.plusSeconds(300));
		assertThat(schedule.nextAttempt(3, NOW)).isEmpty();
		assertThat(schedule.maxAttempts()).isEqualTo(3);
	}

	@Test
	void onlyAnEmailSubscriptionHasADigest() {
		Subscription daily = Subscription.create(OWNER, "A", Channel.EMAIL, "coordination@skgo.org", List.of(), null,
				Digest.DAILY, NOW);
		assertThat(daily.digest()).isEqualTo(Digest.DAILY);
		assertThat(daily.isDigest()).isTrue();
		assertThat(daily.disable("gone").digest()).as("kept when disabled").isEqualTo(Digest.DAILY);
		assertThat(Subscription.create(OWNER, "A", Channel.EMAIL, "coordination@skgo.org", List.of(), null, null, NOW)
			.digest()).isEqualTo(Digest.NONE);
		assertThat(Subscription.create(OWNER, "A", Channel.INBOX, null, List.of(), null, Digest.NONE, NOW).isDigest())
			.isFalse();

		assertThatThrownBy(() -> Subscription.create(OWNER, "A", Channel.WEBHOOK, "https://example.org/hook", List.of(),
				null, Digest.WEEKLY, NOW))
			.isInstanceOfSatisfying(InvalidValue.class,
					invalid -> assertThat(invalid.field().orElseThrow().toString()).isEqualTo("digest"));
		assertThatThrownBy(
				() -> Subscription.create(OWNER, "A", Channel.INBOX, null, List.of(), null, Digest.DAILY, NOW))
			.isInstanceOf(InvalidValue.class);
	}

	private static Subscription with(Filter filter) {
		return Subscription.create(OWNER, "SKGO", Channel.INBOX, null, List.of(), filter, NOW);
	}

	@Test
	void anEmailSubscriptionReceivesNothingUntilItsAddressIsConfirmed() {
		Subscription email = Subscription.create(OWNER, "A", Channel.EMAIL, "coordination@skgo.org", List.of(), null,
				NOW);
		Subscription inbox = Subscription.create(OWNER, "A", Channel.INBOX, null, List.of(), null, NOW);

		assertThat(email.status()).isEqualTo(Subscription.Status.PENDING_CONFIRMATION);
		assertThat(email.matches(REACTIVATION)).isFalse();
		assertThat(email.confirm().status()).isEqualTo(Subscription.Status.ACTIVE);
		assertThat(email.confirm().matches(REACTIVATION)).isTrue();
		assertThat(inbox.status()).as("other channels need no confirmation").isEqualTo(Subscription.Status.ACTIVE);
		assertThat(inbox.confirm()).isSameAs(inbox);
	}

}
