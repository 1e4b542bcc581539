package org.decoop.partnership;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** partnership-service: local authorities, partnerships and their lifecycle. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnershipServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PartnershipServiceApplication.class, args);
	}

}
