package org.decoop.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One origin for decoop's APIs: the routes, the instances of each service and the retry
 * of a request that never reached one are configuration (application.yml); this module
 * adds the request id and answers its own failures as problem details.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
