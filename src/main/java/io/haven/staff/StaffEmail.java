package io.haven.staff;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A staff member's e-mail address as every staff form takes it: given, an address, at most 320 characters. */
@NotBlank(message = "staff_email_missing")
@Email(message = "staff_email_invalid")
@Size(max = 320, message = "staff_email_invalid")
@Constraint(validatedBy = {})
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaffEmail {

    String message() default "staff_email_invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
