package org.decoop.examples.followpartnerships;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.decoop.events.partnership.PartnershipEvent;

/**
 * Every partnership as its latest event says: status, partners, themes. An event carries
 * the whole state a subscriber needs, so the table takes it as it comes; an event older
 * than the row (a redelivery) changes nothing.
 */
final class PartnershipTable {

	record Row(String id, long version, String status, List<String> partners, Set<String> themes) {
	}

	private final Map<String, Row> rows = new ConcurrentHashMap<>();

	private final Consumer<String> out;

	PartnershipTable(Consumer<String> out) {
		this.out = out;
	}

	void apply(PartnershipEvent event) {
		Row before = rows.get(event.partnershipId());
		if (before != null && before.version() >= event.version()) {
			return;
		}
		Row row = new Row(event.partnershipId(), event.version(), event.status().name(),
				event.partners().stream().map(partner -> partner.name() + " (" + partner.country() + ")").toList(),
				new TreeSet<>(event.themes().stream().map(Enum::name).toList()));
		rows.put(row.id(), row);
		out.accept("%-8s %-10s %s  %s  [%s] %s".formatted(before == null ? "new" : "changed", row.status(),
				String.join(" – ", row.partners()), String.join(", ", row.themes()), event.getClass().getSimpleName(),
				row.id()));
	}

	/** The table as it stands, by partnership id. */
	Map<String, Row> rows() {
		return new TreeMap<>(rows);
	}

}
