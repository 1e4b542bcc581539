package org.decoop.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration scenario that runs on {@link TestInfrastructure#current()}: always
 * on the embedded infrastructure; on containers only where they can start (see
 * {@link TestInfrastructureCondition}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestInfrastructureCondition.class)
public @interface EnabledOnTestInfrastructure {

}
