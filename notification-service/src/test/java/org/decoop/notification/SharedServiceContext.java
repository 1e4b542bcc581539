package org.decoop.notification;

import org.decoop.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context that the scenarios extending this class share (Spring's test context cache
 * keeps it: same classes, properties and property source), instead of starting one each: e-mail to
 * GreenMail's test port, the service's clock {@link AdjustableClock adjustable}, and the digest job
 * run by hand ({@code runOnce()}) rather than by its timer, whose first pass is the only one here, and
 * at most 4 notification e-mails per address and hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = { NotificationServiceApplication.class, SharedServiceContext.Clocks.class },
        properties = {
                "spring.mail.port=3025",
                "decoop.notification.poll-interval=50ms",
                "decoop.notification.digest.interval=1h",
                "decoop.notification.email.per-recipient=4" })
public abstract class SharedServiceContext {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notifications-shared");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        AdjustableClock clock() {
            return new AdjustableClock();
        }
    }
}
