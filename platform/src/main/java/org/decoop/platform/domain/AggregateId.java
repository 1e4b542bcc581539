package org.decoop.platform.domain;

/** A typed aggregate id ({@code record PlanId(String value) implements AggregateId}). */
public interface AggregateId {

	String value();

}
