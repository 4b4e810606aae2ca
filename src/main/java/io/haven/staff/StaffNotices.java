package io.haven.staff;

import io.haven.notify.MailOutbox;
import io.haven.school.AdminMsg;
import io.haven.school.School;
import io.haven.web.Language;
import io.haven.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tells the owner of an account, by mail in their own language, what a school's administrator changed
 * on it: a change nobody is told about is how a takeover goes unnoticed.
 */
@ApplicationScoped
public class StaffNotices {

    @Inject
    MailOutbox mail;

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(long schoolId, Staff admin, Staff owner, Function<AdminMsg, String> change) {
        School school = School.findById(schoolId);
        Language language = Language.of(StaffService.languageOf(owner)).orElse(Language.EN);
        AdminMsg msg = Messages.get(AdminMsg.class, language);
        String who = admin.displayName == null || admin.displayName.isBlank() ? admin.email : admin.displayName;
        mail.queue(
                owner.email,
                msg.admin_mail_staff_change_subject(school.name),
                msg.admin_mail_staff_change_body(owner.displayName, school.name, who, change.apply(msg)));
    }

    /** Tells the owner of a change they made or asked for themselves (a new password), in case it was not them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellOwner(Staff owner, Function<AdminMsg, String> change) {
        Language language = Language.of(StaffService.languageOf(owner)).orElse(Language.EN);
        AdminMsg msg = Messages.get(AdminMsg.class, language);
        mail.queue(
                owner.email,
                msg.admin_mail_account_subject(),
                msg.admin_mail_account_body(owner.displayName, change.apply(msg)));
    }

    /** The roles as the owner reads them, in their language. */
    String roleNames(Staff owner, Collection<Role> roles) {
        return roleNames(StaffService.bundle(StaffService.languageOf(owner)), roles);
    }

    /** Role names in one language, in the order of the enum (the staff home shows offers with it too). */
    static String roleNames(StaffMsg msg, Collection<Role> roles) {
        return roles.stream()
                .sorted()
                .map(r -> switch (r) {
                    case TEACHER -> msg.staff_role_teacher();
                    case HANDLER -> msg.staff_role_handler();
                    case ADMIN -> msg.staff_role_admin();
                    case DISTRICT_ADMIN -> msg.staff_role_district_admin();
                })
                .collect(Collectors.joining(", "));
    }
}
