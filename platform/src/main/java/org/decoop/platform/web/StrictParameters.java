package org.decoop.platform.web;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path parameters are read as written: a number is decimal digits with an optional
 * sign ({@code 0x10}, {@code +1} and {@code " 5"} are refused, where Spring's lenient parsing
 * would take them), and an enum is exactly one of its names (no trimming).
 */
public final class StrictParameters implements WebMvcConfigurer {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Integer.class, text -> Integer.valueOf(wholeNumber(text)));
        registry.addConverter(String.class, Long.class, text -> Long.valueOf(wholeNumber(text)));
        registry.addConverter(new ExactEnumNames());
    }

    private static String wholeNumber(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number in decimal digits");
        }
        return text;
    }

    /** String to any enum, by exact name only. */
    private static final class ExactEnumNames implements ConditionalGenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, Enum.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return targetType.getType().isEnum();
        }

        @Override
        @SuppressWarnings({ "unchecked", "rawtypes" })
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String text = (String) source;
            if (text == null || text.isEmpty()) {
                return null;
            }
            Class<? extends Enum> type = (Class<? extends Enum>) targetType.getType();
            Set<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
            if (!names.contains(text)) {
                throw new IllegalArgumentException("not one of " + names);
            }
            return Enum.valueOf(type, text);
        }
    }
}
