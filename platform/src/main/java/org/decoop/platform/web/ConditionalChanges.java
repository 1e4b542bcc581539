package org.decoop.platform.web;

import java.util.function.Supplier;

import org.decoop.platform.errors.PreconditionFailedException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a read-change-save of one aggregate under optimistic locking. With {@code If-Match} the
 * client asked for exactly the version it read, so losing a race is 412. Without it, the change
 * is tried again on fresh state (where the domain decides again whether it is still allowed),
 * a bounded number of times, then answered 409 by the problem-details advice.
 */
public final class ConditionalChanges {

    /** Enough for every party of a plan signing at the same moment: each round one writer wins. */
    public static final int MAX_ATTEMPTS = 10;

    private ConditionalChanges() {
    }

    /**
     * @param change reads the aggregate, checks {@code ifMatch} against it ({@link ETags#checkIfMatch}),
     *               changes it and saves it with the version it read
     */
    public static <T> T run(String ifMatch, Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            }
            catch (OptimisticLockingFailureException lostRace) {
                if (ETags.pinsVersion(ifMatch)) {
                    throw new PreconditionFailedException("The resource was changed by another request meanwhile");
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }
}
