package io.haven.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person wrote in a form (a note, a message): required unless {@link #optional()}, "empty" meaning
 * empty once Windows line ends are made plain and the surrounding spaces stripped (as the text is stored),
 * and at most {@link #max()} characters counted as code points. {@code message} is the key for an empty
 * text; {@link #tooLong()} the key for a long one, which {@link Forms#check} fills with the length and the
 * limit.
 */
@Constraint(validatedBy = WrittenText.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WrittenText {

    String message();

    String tooLong();

    int max();

    boolean optional() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WrittenText, String> {

        private WrittenText rule;

        /** The text as it is kept: plain line ends, no surrounding spaces; absent is empty. */
        public static String kept(String raw) {
            return raw == null ? "" : raw.replace("\r\n", "\n").strip();
        }

        /** Its length in characters (code points, so that an emoji counts once). */
        public static int length(String raw) {
            String t = kept(raw);
            return t.codePointCount(0, t.length());
        }

        @Override
        public void initialize(WrittenText rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (kept(value).isEmpty()) {
                return rule.optional();
            }
            if (length(value) > rule.max()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(rule.tooLong()).addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
