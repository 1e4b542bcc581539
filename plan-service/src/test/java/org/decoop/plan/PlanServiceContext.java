package org.decoop.plan;

import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the plan-service scenarios extending this class share (Spring's test
 * context cache keeps it: same classes, properties and property source) instead of starting one
 * each: embedded broker and store, fast consumer back-offs, the service's clock
 * {@link AdjustableClock adjustable}, and the funding call deadline job running every 200 ms.
 */
@EnabledOnTestInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = { PlanServiceApplication.class, PlanServiceContext.Clocks.class },
        properties = {
                "spring.cloud.stream.bindings.partnershipEvents-in-0.consumer.back-off-initial-interval=20",
                "spring.cloud.stream.bindings.partnershipEvents-in-0.consumer.back-off-max-interval=50",
                "decoop.funding-calls.deadline-check.interval=200ms",
                "decoop.funding-calls.deadline-check.initial-delay=0s" })
public abstract class PlanServiceContext {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "plans-it");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        AdjustableClock clock() {
            return new AdjustableClock();
        }
    }
}
