package io.haven.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Every template rendered for a request speaks the request's language (message bundles read this locale). */
@Unremovable
@ApplicationScoped
public class PageTemplateInitializer implements TemplateInstance.Initializer {

    @Inject
    PageContext page;

    void register(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        if (instance.getAttribute(TemplateInstance.LOCALE) == null
                && Arc.container().requestContext().isActive()) {
            instance.setAttribute(TemplateInstance.LOCALE, page.locale());
        }
    }
}
