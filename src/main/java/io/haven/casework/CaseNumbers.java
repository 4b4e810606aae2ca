package io.haven.casework;

import io.haven.report.ReportCase;
import io.quarkus.qute.TemplateExtension;

/**
 * The number staff see for a case named by its id (a duplicate, an incident, a duty line, an audit row):
 * counted per school, so no page tells a school how many reports the other schools of the instance had.
 */
@TemplateExtension(namespace = "cases")
public class CaseNumbers {

    private CaseNumbers() {}

    static String number(Long caseId) {
        ReportCase c = caseId == null ? null : ReportCase.findById(caseId);
        return c == null ? "" : String.valueOf(c.number);
    }
}
