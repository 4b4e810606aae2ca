package io.haven.admin;

import io.haven.report.Category;
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
        return RoutingResource.parse(school);
    }

    /** The category as posted; empty when absent. */
    String categoryId() {
        return Optional.ofNullable(category).orElse("");
    }

    Optional<Category> chosenCategory() {
        return Category.of(categoryId());
    }

    Long staffId() {
        return RoutingResource.parse(staff);
    }
}
