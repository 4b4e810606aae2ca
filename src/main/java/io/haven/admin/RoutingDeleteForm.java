package io.haven.admin;

import org.jboss.resteasy.reactive.RestForm;

/** A rule's delete button on the routing page. */
public class RoutingDeleteForm {

    @RestForm
    public String school;

    @RestForm
    public String rule;

    Long schoolId() {
        return RoutingResource.parse(school);
    }

    Long ruleId() {
        return RoutingResource.parse(rule);
    }
}
