package io.haven.staff;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A staff member's name as every staff form takes it: given, at most 200 characters, no control characters. */
@NotBlank(message = "staff_name_missing")
@Size(max = 200, message = "staff_name_too_long")
@Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
@Constraint(validatedBy = {})
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaffName {

    String message() default "staff_name_missing";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
