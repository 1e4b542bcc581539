package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(false);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
            "http://192.168.1.10/hook", "http://172.16.0.5/hook", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/hook", "http://[::1]/hook", "http://[fd00::1]/hook", "http://100.64.0.1/hook",
            "http://192.0.0.8/hook", "http://198.18.0.1/hook", "http://198.19.255.1/hook", "http://240.0.0.1/hook",
            "http://255.255.255.255/hook", "http://[64:ff9b::a00:1]/hook", "http://[64:ff9b::7f00:1]/hook" })
    void refusesInternalTargets(String url) {
        assertThat(guard.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.216.34/hook", "http://8.8.8.8/hook", "https://[2606:4700::1111]/hook",
            "http://[64:ff9b::808:808]/hook", "http://192.0.2.1/hook", "http://198.20.0.1/hook" })
    void letsPublicAddressesThrough(String url) {
        assertThat(guard.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://10.1.2.3/hook" })
    void allowsInternalTargetsWhenConfigured(String url) {
        assertThat(new TargetGuard(true).refusal(url)).isEmpty();
    }

    @Test
    void doesNotSayWhichInternalAddressANameResolvesTo() {
        assertThat(guard.refusal("http://localhost:8080/hook")).hasValueSatisfying(refusal ->
                assertThat(refusal).contains("localhost").doesNotContain("127.0.0.1"));
    }
}
