package io.haven.staff;

import io.haven.web.PageContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The staff navigation: which sections the signed-in member's roles open, and which one the page is in.
 * Templates read it as {@code inject:staffNav}; the pages themselves still check every role.
 */
@RequestScoped
@Named("staffNav")
public class StaffNav {

    @Inject
    StaffSession session;

    @Inject
    PageContext page;

    public boolean isCases() {
        return session.hasRole(Role.HANDLER, Role.ADMIN);
    }

    public boolean isClasses() {
        return session.hasRole(Role.TEACHER);
    }

    public boolean isGuides() {
        return session.hasRole(Role.TEACHER, Role.HANDLER, Role.ADMIN);
    }

    public boolean isAdmin() {
        return session.hasRole(Role.ADMIN);
    }

    public boolean isDistrict() {
        return session.hasRole(Role.DISTRICT_ADMIN);
    }

    /** The section the page belongs to, for {@code aria-current}: the longest section path that starts it. */
    public boolean at(String section) {
        String path = page.getPath();
        if (section.equals("/staff")) {
            return path.equals("/staff") || path.equals("/staff/");
        }
        return path.equals(section) || path.startsWith(section + "/");
    }
}
