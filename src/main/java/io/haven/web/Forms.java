package io.haven.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The form pipeline's check step: a form class bound with {@code @BeanParam} (fields with
 * {@code @RestForm}) is checked here: first the CSRF verdict of {@link CsrfFilter} (a stale form reports
 * only that), then its Bean Validation constraints, whose messages are message keys. Rules that need the
 * database (a taken slug, an unknown class code) are added by the service or resource to the same
 * {@link FormErrors}.
 */
@ApplicationScoped
public class Forms {

    public static final String STALE_KEY = "form_csrf_expired";

    @Inject
    Validator validator;

    @Inject
    Csrf csrf;

    @Inject
    PageContext page;

    /** No problems yet, in the page's language. */
    public FormErrors none() {
        return new FormErrors(page.language());
    }

    /** Whether this request's form token was stale (for handlers that answer with a redirect). */
    public boolean stale() {
        return csrf.rejected();
    }

    public <T> FormErrors check(T form) {
        FormErrors errors = none();
        if (csrf.rejected()) {
            return errors.add(FormErrors.STALE, STALE_KEY);
        }
        // Sorted so that a field breaking two constraints always shows the same one.
        validator.validate(form).stream()
                .sorted(java.util.Comparator.comparing(ConstraintViolation::getMessageTemplate))
                .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessageTemplate(), args(v)));
        return errors.inOrder(fieldOrder(form.getClass()));
    }

    /** The numbers a message needs: a long text's length and its limit. */
    private static Object[] args(ConstraintViolation<?> v) {
        if (v.getConstraintDescriptor().getAnnotation() instanceof WrittenText rule
                && v.getMessageTemplate().equals(rule.tooLong())) {
            return new Object[] {WrittenText.Check.length((String) v.getInvalidValue()), rule.max()};
        }
        return new Object[0];
    }

    /** The form's fields in declaration order, superclass fields first: the order they appear on the page. */
    static List<String> fieldOrder(Class<?> type) {
        List<String> order = new ArrayList<>();
        if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            order.addAll(fieldOrder(type.getSuperclass()));
        }
        for (Field f : type.getDeclaredFields()) {
            order.add(f.getName());
        }
        return order;
    }
}
