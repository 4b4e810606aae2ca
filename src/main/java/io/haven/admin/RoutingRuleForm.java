package io.haven.admin;

import io.haven.report.Category;
import io.haven.web.FormValues;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The routing page's "add a rule" form: a category (or "default") and the staff member who gets it. */
public class RoutingRuleForm {

    @RestForm
    public String school;

    @RestForm
    public String category;

    @RestForm
    public String staff;

    Long schoolId() {
        return FormValues.number(school).orElse(null);
    }

    /** The category as posted; empty when absent. */
    String categoryId() {
        return Optional.ofNullable(category).orElse("");
    }

    Optional<Category> chosenCategory() {
        return Category.of(categoryId());
    }

    Long staffId() {
        return FormValues.number(staff).orElse(null);
    }
}
