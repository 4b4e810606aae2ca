package io.haven.classroom;

import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The assignment form on the class page, as typed: a lesson, an optional due date, and the out-of-band confirmation. */
public class AssignForm {

    /** The fields in page order. */
    static final List<String> FIELDS = List.of("module", "dueOn", "confirm");

    @RestForm
    public String module = "";

    @RestForm
    public String dueOn = "";

    @RestForm
    public String confirm = "";

    static AssignForm empty() {
        return new AssignForm();
    }

    /** The fields as typed, without the spaces a paste brings (an absent field is empty). */
    AssignForm stripped() {
        module = ClassForm.field(module);
        dueOn = ClassForm.field(dueOn);
        confirm = ClassForm.field(confirm);
        return this;
    }

    /** The teacher confirmed a lesson written for other ages. */
    boolean confirmed() {
        return "yes".equals(confirm);
    }
}
