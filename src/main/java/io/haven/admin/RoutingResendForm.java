package io.haven.admin;

import io.haven.web.FormValues;
import org.jboss.resteasy.reactive.RestForm;

/** An undelivered mail's "send again now" button on the routing page. */
public class RoutingResendForm {

    @RestForm
    public String school;

    @RestForm
    public String mail;

    Long schoolId() {
        return FormValues.number(school).orElse(null);
    }

    Long mailId() {
        return FormValues.number(mail).orElse(null);
    }
}
