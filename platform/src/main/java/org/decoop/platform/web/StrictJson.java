package org.decoop.platform.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a text field takes a JSON string (not 5 or true), a
 * number a JSON number (not "2020", and a whole number no fraction), a boolean true or
 * false (not "true"), an enum exactly one of its names (not " YOUTH", "YOUTH\u0000" or an
 * ordinal, which Jackson would otherwise trim or count its way to).
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
		builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
		builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
		for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
			builder.withCoercionConfig(scalar,
					coercion -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
		}
		builder.withCoercionConfig(LogicalType.Integer,
				coercion -> coercion.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Textual,
				coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Enum,
				coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
		builder
			.addModule(new SimpleModule("decoop-strict-json").setDeserializerModifier(new ValueDeserializerModifier() {
				@Override
				public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
						BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
					return new ExactEnumNames(type.getRawClass(), deserializer);
				}
			}));
	}

	/** An enum read only from exactly one of its constants' names. */
	private static final class ExactEnumNames extends ValueDeserializer<Object> {

		private final Class<?> type;

		private final ValueDeserializer<?> delegate;

		private final Set<String> names;

		ExactEnumNames(Class<?> type, ValueDeserializer<?> delegate) {
			this.type = type;
			this.delegate = delegate;
			this.names = Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.toUnmodifiableSet());
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING) && !names.contains(parser.getString())) {
				return context.handleWeirdStringValue(type, parser.getString(), "not one of the accepted values");
			}
			return delegate.deserialize(parser, context);
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
			ValueDeserializer<?> contextual = context.handleSecondaryContextualization(delegate, property,
					context.constructType(type));
			return contextual == delegate ? this : new ExactEnumNames(type, contextual);
		}

		@Override
		public void resolve(DeserializationContext context) {
			delegate.resolve(context);
		}

		@Override
		public Class<?> handledType() {
			return type;
		}

	}

}
