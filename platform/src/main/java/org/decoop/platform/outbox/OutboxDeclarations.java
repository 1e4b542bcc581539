package org.decoop.platform.outbox;

import java.util.Objects;

import org.decoop.platform.PlatformAutoConfiguration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.util.ClassUtils;

/**
 * Registers an {@link OutboxSource} for each {@link Outbox} document in the application's
 * packages (those Spring Boot scans), named after the class. It runs before the
 * platform's configuration so that the relay, the topics and the retention check, which
 * are there only when a service has an outbox, see them.
 */
@AutoConfiguration(before = PlatformAutoConfiguration.class)
@Import(OutboxDeclarations.Registrar.class)
public class OutboxDeclarations {

	static class Registrar implements ImportBeanDefinitionRegistrar {

		private final ClassPathScanningCandidateComponentProvider documents;

		Registrar(Environment environment, ResourceLoader resources) {
			this.documents = new ClassPathScanningCandidateComponentProvider(false, environment);
			this.documents.setResourceLoader(resources);
			this.documents.addIncludeFilter(new AnnotationTypeFilter(Outbox.class));
		}

		@Override
		public void registerBeanDefinitions(AnnotationMetadata importing, BeanDefinitionRegistry registry) {
			if (registry instanceof BeanFactory beans && AutoConfigurationPackages.has(beans)) {
				AutoConfigurationPackages.get(beans)
					.stream()
					.flatMap(pkg -> documents.findCandidateComponents(pkg).stream())
					.map(candidate -> Objects.requireNonNull(candidate.getBeanClassName()))
					.distinct()
					.forEach(document -> register(document, registry));
			}
		}

		private void register(String document, BeanDefinitionRegistry registry) {
			Class<?> type = ClassUtils.resolveClassName(document, documents.getResourceLoader().getClassLoader());
			MergedAnnotations annotations = MergedAnnotations.from(type);
			MergedAnnotation<Outbox> outbox = annotations.get(Outbox.class);
			String collection = annotations.isPresent(Document.class)
					? annotations.get(Document.class).getString("collection") : "";
			if (!OutboxDocument.class.isAssignableFrom(type) || collection.isEmpty()) {
				throw new IllegalStateException(
						"@Outbox " + document + " must be an OutboxDocument with a @Document collection");
			}
			registry.registerBeanDefinition(ClassUtils.getShortNameAsProperty(type) + "Outbox",
					BeanDefinitionBuilder
						.rootBeanDefinition(OutboxSource.class,
								() -> new OutboxSource(collection, outbox.getString("topic"),
										outbox.getString("source")))
						.getBeanDefinition());
		}

	}

}
