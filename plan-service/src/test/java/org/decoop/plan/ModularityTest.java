package org.decoop.plan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The features are Spring Modulith application modules: each uses another only through what that one exposes, no cycles. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PlanServiceApplication.class);

    @Test
    void featuresUseEachOtherOnlyThroughWhatTheyExpose() {
        MODULES.verify();
    }
}
