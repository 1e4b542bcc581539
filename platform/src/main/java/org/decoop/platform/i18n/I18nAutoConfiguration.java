package org.decoop.platform.i18n;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages of every service: one message source over every module's bundle, the
 * request's language from {@code Accept-Language}, and the locale formats. Before Boot's
 * own message source and locale resolver, which step aside for these.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration" })
public class I18nAutoConfiguration {

	@Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	@ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	LanguageMessageSource messageSource() {
		return LanguageMessageSource.fromClassPath();
	}

	@Bean
	@ConditionalOnMissingBean
	LocalizedFormats localizedFormats() {
		return new LocalizedFormats();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(LocaleResolver.class)
	static class Web {

		@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
		@ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
		LocaleResolver localeResolver() {
			return new AcceptLanguageLocaleResolver();
		}

	}

}
