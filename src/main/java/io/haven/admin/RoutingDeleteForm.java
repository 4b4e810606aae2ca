package io.haven.admin;

import io.haven.web.FormValues;
import org.jboss.resteasy.reactive.RestForm;

/** A rule's delete button on the routing page. */
public class RoutingDeleteForm {

    @RestForm
    public String school;

    @RestForm
    public String rule;

    Long schoolId() {
        return FormValues.number(school).orElse(null);
    }

    Long ruleId() {
        return FormValues.number(rule).orElse(null);
    }
}
