package io.haven.staff;

import io.haven.web.Clock;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Staff sign-in (e-mail and password, throttled) and sign-out. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @Inject
    StaffService service;

    @Inject
    StaffSession session;

    @Inject
    LoginThrottle throttle;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginForm form, FormErrors errors, long pausedMinutes);
    }

    @GET
    @Path("/login")
    public Response loginForm() {
        if (session.hasPassword()) {
            return next();
        }
        return Response.ok(Templates.login(new LoginForm(), forms.none(), 0)).build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response login(@BeanParam LoginForm f, @Context HttpServerRequest request) {
        String password = f.password;
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return again(f, errors, 400, 0);
        }
        String account = Staff.normalizeEmail(f.account());
        String address = address(request);
        Instant until = throttle.tryBegin(account, address);
        if (until != null) {
            long minutes = Math.max(1, (Duration.between(clock.now(), until).toSeconds() + 59) / 60);
            return again(f, forms.none(), 429, minutes);
        }
        Optional<Staff> staff = service.authenticate(account, password);
        if (staff.isEmpty()) {
            if (throttle.failed(account, address)) {
                service.auditAccount(account, "SIGN_IN_PAUSED");
            }
            service.auditAccount(account, "SIGN_IN_FAILED");
            // One message for an unknown address and a wrong password: the page must not tell which.
            return again(f, forms.none().add("email", "staff_login_failed"), 400, 0);
        }
        throttle.succeeded(account, address);
        service.auditAccount(staff.get().id, "SIGN_IN");
        session.signIn(staff.get(), service.roles(staff.get().id));
        return next();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response logout() {
        if (forms.stale()) {
            flash.next("form_csrf_expired");
            return seeOther(session.hasPassword() ? "/staff" : "/staff/login");
        }
        session.account().ifPresent(s -> service.endAllSessions(s.id));
        session.signOut();
        flash.next("staff_logout_done");
        return seeOther("/staff/login");
    }

    private Response again(LoginForm f, FormErrors errors, int status, long pausedMinutes) {
        f.password = null;
        return Response.status(status)
                .entity(Templates.login(f, errors, pausedMinutes))
                .build();
    }

    /** Where a browser goes after the password: the next step it still has to take. */
    private Response next() {
        return switch (session.state()) {
            case NEEDS_ENROLMENT -> seeOther("/staff/enrol");
            case NEEDS_SECOND_FACTOR -> seeOther("/staff/second-factor");
            default -> seeOther("/staff");
        };
    }

    /** The client's address, for throttling in memory only. Never logged or stored. */
    static String address(HttpServerRequest request) {
        SocketAddress a = request == null ? null : request.remoteAddress();
        return a == null ? null : a.hostAddress();
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
