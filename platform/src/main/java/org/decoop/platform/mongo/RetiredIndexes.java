package org.decoop.platform.mongo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The names of indexes a document's collection had in an earlier release and no longer
 * has: {@link StartupIndexes} drops each one that exists before it creates the declared
 * indexes, so a volume from that release upgrades by itself (an index with the keys of a
 * new one but another name would make MongoDB refuse the new one, error 85).
 * docs/operations.md lists them per release.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RetiredIndexes {

	String[] value();

}
