package org.decoop.platform.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read model settings ({@code decoop.read-models.*}).
 *
 * @param pointerRefresh how long an instance keeps the name of a read model's active
 * collection before reading its pointer again; a rebuild waits this long after its switch
 * before its last read to the end, so that every instance writes to the new collection by
 * then
 * @param rebuildLease how long a rebuild holds its claim without reporting progress; an
 * instance that died mid-rebuild frees the read model for another rebuild after this
 * @param poll the longest wait of one poll of the rebuild's consumer
 */
@ConfigurationProperties("decoop.read-models")
public record ReadModelProperties(@DefaultValue("1s") Duration pointerRefresh,
		@DefaultValue("2m") Duration rebuildLease, @DefaultValue("500ms") Duration poll) {
}
