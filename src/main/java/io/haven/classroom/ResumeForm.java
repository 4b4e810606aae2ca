package io.haven.classroom;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/** Resuming a seat on another device: the resume code shown when the student joined. */
public class ResumeForm {

    @RestForm
    @NotBlank(message = "classroom_resume_error_missing")
    public String resumeCode;

    static ResumeForm empty() {
        ResumeForm f = new ResumeForm();
        f.resumeCode = "";
        return f;
    }

    /** The code as typed, without the spaces a paste brings. */
    ResumeForm stripped() {
        resumeCode = JoinForm.strip(resumeCode);
        return this;
    }
}
