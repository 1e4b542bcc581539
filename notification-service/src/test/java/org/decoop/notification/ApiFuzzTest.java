package org.decoop.notification;

import org.decoop.platform.testing.ApiFuzzing;
import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** notification-service under seeded hostile requests derived from its OpenAPI document; summary in {@code target/fuzz/}. */
@EnabledOnTestInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest extends ApiFuzzing {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notifications-fuzz");
    }

    @Override
    protected String service() {
        return "notification-service";
    }
}
