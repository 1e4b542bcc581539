package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/**
 * Every way of never reaching an instance is the same 502 to the caller: in compose a
 * killed instance's name leaves DNS and its address has no route.
 */
class GatewayProblemsTest {

	@Test
	void anInstanceNeverReachedIsA502WhateverTheNetworkSaid() {
		assertThat(GatewayProblems.problemFor(new ConnectException("refused")).getStatus()).isEqualTo(502);
		assertThat(GatewayProblems.problemFor(new NoRouteToHostException("no route")).getStatus()).isEqualTo(502);
		assertThat(GatewayProblems.problemFor(new IllegalStateException(new UnknownHostException("plan-service-2")))
			.getDetail()).contains("was not applied");
	}

}
