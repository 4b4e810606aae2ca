package io.haven.admin;

import org.jboss.resteasy.reactive.RestForm;

/** The settings page's form: a school's settings ({@link SchoolForm}) and which school (a hidden field). */
public class SettingsForm extends SchoolForm {

    @RestForm
    public String school;
}
