package org.decoop.notification.subscription.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.decoop.events.Channel;
import org.decoop.events.EventCatalog;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.i18n.Languages;
import org.jspecify.annotations.Nullable;

/**
 * Who wants to hear about which events, and how: a webhook URL, an e-mail address, or an
 * inbox. An empty set of event names means every event. A webhook receiver that answers
 * 410 Gone disables its subscription. It belongs to its {@code owner}, the subject of the
 * token that created it: for anyone else it does not exist. {@code subscriber} is only
 * its label. An EMAIL subscription may ask for a {@link Digest}: one e-mail per day or
 * week instead of one per event. An EMAIL subscription starts PENDING_CONFIRMATION and
 * receives nothing until the mailbox's owner {@link #confirm confirms} it
 * ({@link Confirmation}): anyone can type any address. It speaks one of the
 * {@link Languages#SUPPORTED languages}: its e-mails, digests and webhook summaries are
 * written in it.
 */
public record Subscription(SubscriptionId id, @Nullable String owner, String subscriber, Channel channel,
		@Nullable String target, Set<String> eventTypes, Filter filter, Status status, @Nullable String disabledReason,
		Instant createdAt, Digest digest, Locale locale) {

	/**
	 * Names of the events of the catalog, as subscriptions name them
	 * ({@code PlanSigned}).
	 */
	public static final Set<String> EVENT_NAMES = EventCatalog.eventClasses()
		.stream()
		.map(EventCatalog::nameOf)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * ACTIVE subscriptions receive events; DISABLED ones (410 Gone) no longer do; an
	 * EMAIL one is PENDING_CONFIRMATION, receiving nothing, until its address is
	 * confirmed.
	 */
	public enum Status {

		ACTIVE, DISABLED, PENDING_CONFIRMATION

	}

	public Subscription {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(status, "status");
		eventTypes = Set.copyOf(eventTypes);
		filter = filter == null ? Filter.NONE : filter;
		digest = digest == null ? Digest.NONE : digest;
		// stored before subscriptions had a language: English, what they received then
		locale = locale == null ? Languages.DEFAULT : Languages.of(locale);
	}

	/** Restores one stored before subscriptions had a language: it speaks English. */
	public Subscription(SubscriptionId id, @Nullable String owner, String subscriber, Channel channel,
			@Nullable String target, Set<String> eventTypes, Filter filter, Status status,
			@Nullable String disabledReason, Instant createdAt, Digest digest) {
		this(id, owner, subscriber, channel, target, eventTypes, filter, status, disabledReason, createdAt, digest,
				Languages.DEFAULT);
	}

	/**
	 * Restores one stored before digests existed: every notification is delivered on its
	 * own.
	 */
	public Subscription(SubscriptionId id, @Nullable String owner, String subscriber, Channel channel,
			@Nullable String target, Set<String> eventTypes, Filter filter, Status status,
			@Nullable String disabledReason, Instant createdAt) {
		this(id, owner, subscriber, channel, target, eventTypes, filter, status, disabledReason, createdAt,
				Digest.NONE);
	}

	/**
	 * A new subscription that delivers each notification on its own, its target checked
	 * against its channel: ACTIVE, or PENDING_CONFIRMATION for an EMAIL one.
	 */
	public static Subscription create(Actor owner, @Nullable String subscriber, Channel channel,
			@Nullable String target, @Nullable List<String> eventTypes, Filter filter, Instant now) {
		return create(owner, subscriber, channel, target, eventTypes, filter, Digest.NONE, now);
	}

	/**
	 * A new subscription, its target checked against its channel: ACTIVE, or
	 * PENDING_CONFIRMATION for an EMAIL one. Only an EMAIL one may ask for a digest.
	 * {@code subscriber}, {@code target} and {@code eventTypes} are as asked for: absent
	 * ones are defaulted or refused here.
	 */
	public static Subscription create(Actor owner, @Nullable String subscriber, Channel channel,
			@Nullable String target, @Nullable List<String> eventTypes, Filter filter, Digest digest, Instant now) {
		if (digest != Digest.NONE && channel != Channel.EMAIL) {
			throw new InvalidValue("digest", "only an EMAIL subscription can have a digest (DAILY or WEEKLY)");
		}
		String label = subscriber == null || subscriber.isBlank() ? owner.name() : subscriber;
		Set<String> names = new LinkedHashSet<>();
		List<String> requested = eventTypes == null ? List.of() : eventTypes;
		for (int i = 0; i < requested.size(); i++) {
			if (!EVENT_NAMES.contains(requested.get(i))) {
				throw new InvalidValue(Field.named("eventTypes").at(i),
						"'%s' is not an event of the catalog (e.g. PlanSigned, PartnershipReactivated)"
							.formatted(requested.get(i)));
			}
			names.add(requested.get(i));
		}
		return new Subscription(Ids.newId(SubscriptionId::new), owner.id(), label.strip(), channel,
				checkedTarget(channel, target), names, filter,
				channel == Channel.EMAIL ? Status.PENDING_CONFIRMATION : Status.ACTIVE, null, now, digest);
	}

	/**
	 * Whether it waits for its e-mail address to be confirmed before it receives
	 * anything.
	 */
	public boolean awaitsConfirmation() {
		return status == Status.PENDING_CONFIRMATION;
	}

	/**
	 * Its address was confirmed: it receives notifications from now on. Nothing changes
	 * when it is not waiting.
	 */
	public Subscription confirm() {
		if (!awaitsConfirmation()) {
			return this;
		}
		return new Subscription(id, owner, subscriber, channel, target, eventTypes, filter, Status.ACTIVE, null,
				createdAt, digest, locale);
	}

	/**
	 * Whether its notifications wait for a digest e-mail instead of being delivered one
	 * by one.
	 */
	public boolean isDigest() {
		return channel == Channel.EMAIL && digest != Digest.NONE;
	}

	/**
	 * Whether {@code actor} owns it; a subscription stored before owners existed belongs
	 * to nobody.
	 */
	public boolean isOwnedBy(Actor actor) {
		return owner != null && owner.equals(actor.id());
	}

	/** Whether an event with these facts is for this subscription. */
	public boolean matches(EventFacts facts) {
		// one stored before owners existed belongs to nobody: nobody could read or stop
		// what it received
		return status == Status.ACTIVE && owner != null
				&& (eventTypes.isEmpty() || eventTypes.contains(facts.eventName())) && filter.matches(facts);
	}

	/**
	 * The receiver said 410 Gone: no more deliveries. A disabled one keeps the reason it
	 * was first disabled for.
	 */
	public Subscription disable(String reason) {
		if (status == Status.DISABLED) {
			return this;
		}
		return new Subscription(id, owner, subscriber, channel, target, eventTypes, filter, Status.DISABLED, reason,
				createdAt, digest, locale);
	}

	/**
	 * The same subscription, speaking {@code language} from now on: its e-mails, digests
	 * and webhook summaries are written in it.
	 * @param language a BCP 47 tag of one of the {@link Languages#SUPPORTED languages}:
	 * {@code en}, {@code fr}, {@code sr-Cyrl} ({@code sr} alone too) or {@code sr-Latn},
	 * or a more precise one ({@code fr-FR})
	 * @throws InvalidValue for any other
	 */
	public Subscription speaking(String language) {
		Locale spoken = Languages.named(language)
			.orElseThrow(() -> new InvalidValue("locale", Phrase.of("notification.locale.unsupported", language)));
		return new Subscription(id, owner, subscriber, channel, target, eventTypes, filter, status, disabledReason,
				createdAt, digest, spoken);
	}

	/**
	 * The address a WEBHOOK or EMAIL subscription's notifications go to; an INBOX has
	 * none.
	 */
	public String address() {
		if (target == null) {
			throw new IllegalStateException("An %s subscription has no address".formatted(channel));
		}
		return target;
	}

	private static @Nullable String checkedTarget(Channel channel, @Nullable String target) {
		switch (channel) {
			case INBOX -> {
				if (target != null && !target.isBlank()) {
					throw new InvalidValue("target", "an INBOX subscription has no target");
				}
				return null;
			}
			case EMAIL -> {
				if (target == null || !EMAIL.matcher(target.strip()).matches()) {
					throw new InvalidValue("target", "an EMAIL subscription needs an e-mail address");
				}
				return target.strip();
			}
			case WEBHOOK -> {
				return checkedUrl(target);
			}
			default -> throw new IllegalStateException("Unknown channel " + channel);
		}
	}

	private static String checkedUrl(@Nullable String target) {
		try {
			URI uri = new URI(target == null ? "" : target.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
					|| uri.getUserInfo() != null) {
				throw new InvalidValue("target", "a WEBHOOK subscription needs an http(s) URL without credentials");
			}
			return uri.toString();
		}
		catch (URISyntaxException e) {
			throw new InvalidValue("target", "a WEBHOOK subscription needs an http(s) URL: " + e.getReason());
		}
	}
}
