package org.decoop.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * plan-service: yearly action plans, multi-party signing, activities and their funding.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlanServiceApplication.class, args);
	}

}
