package io.haven.casework;

import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The audit page's "check the whole log" button: which school. */
public class AuditCheckForm {

    @RestForm
    public String school;

    /** The school asked for; empty when absent, blank or garbled (then the first the member administers). */
    Optional<Long> schoolId() {
        return io.haven.web.FormValues.number(school);
    }
}
