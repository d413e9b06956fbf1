package io.github.msghandler.springboot;

import io.github.msghandler.camel.MsgHandlerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configures the msghandler component from the camel.component.msghandler.* properties, after Camel's own
 * auto-configuration and the way camel-spring-boot's component starters do: a customizer copies the bound
 * properties onto the component when Camel creates it.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.msghandler"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, MsgHandlerComponentConfiguration.class})
@Import(MsgHandlerComponentConverter.class)
public class MsgHandlerComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureMsgHandlerComponent(CamelContext camelContext,
                                                            MsgHandlerComponentConfiguration configuration,
                                                            ApplicationContext applicationContext) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.msghandler.customizer") && target instanceof MsgHandlerComponent;
            }
        };
    }

    /** With Actuator: the secret options stay masked in configprops and env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretMasking {
        /** The secret options as they end a property name, with dashes and case ignored. */
        private static final Set<String> SECRETS = MsgHandlerComponentConfiguration.SECRET_OPTIONS.stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

        @Bean
        SanitizingFunction msgHandlerSecretMasking() {
            return data -> isSecret(data) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
        }

        private static boolean isSecret(SanitizableData data) {
            String key = data.getLowerCaseKey();
            String lastSegment = key.substring(key.lastIndexOf('.') + 1).replace("-", "").replace("_", "");
            // a bare name comes from configprops (ours among other beans'); a full one must be ours
            boolean ours = !key.contains(".") || key.replace("_", ".").startsWith("camel.component.msghandler.");
            return ours && SECRETS.contains(lastSegment);
        }
    }
}
