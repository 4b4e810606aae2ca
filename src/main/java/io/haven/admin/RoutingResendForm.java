package io.haven.admin;

import org.jboss.resteasy.reactive.RestForm;

/** An undelivered mail's "send again now" button on the routing page. */
public class RoutingResendForm {

    @RestForm
    public String school;

    @RestForm
    public String mail;

    Long schoolId() {
        return RoutingResource.parse(school);
    }

    Long mailId() {
        return RoutingResource.parse(mail);
    }
}
