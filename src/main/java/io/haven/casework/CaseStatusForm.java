package io.haven.casework;

import io.haven.report.CaseStatus;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The case page's status form. An unknown status is refused with case_error_status. */
public class CaseStatusForm extends CaseChangeForm {

    @RestForm
    public String status;

    Optional<CaseStatus> chosen() {
        return CaseStatus.ofKey(status);
    }
}
