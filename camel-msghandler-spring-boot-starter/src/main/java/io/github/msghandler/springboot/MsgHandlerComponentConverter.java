package io.github.msghandler.springboot;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds the bean-typed options (connection, claimCheckStore, headerFilterStrategy, ...) from {@code #bean:name} or
 * {@code #name} in a property to the Spring bean of that name. Which options those are comes from the generated
 * configuration class itself.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class MsgHandlerComponentConverter implements GenericConverter {
    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Double.class, Duration.class);

    private final ApplicationContext applicationContext;

    public MsgHandlerComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Arrays.stream(MsgHandlerComponentConfiguration.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getType)
                .filter(type -> !VALUE_TYPES.contains(type))
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String reference = (String) source;
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length())
                : reference.startsWith("#") ? reference.substring(1) : null;
        if (name == null) {
            throw new IllegalArgumentException("camel.component.msghandler: '" + reference + "' is not a bean "
                    + "reference; a " + targetType.getType().getName() + " option takes #bean:name or #name");
        }
        return applicationContext.getBean(name, targetType.getType());
    }
}
