package io.haven.staff;

import io.haven.web.Clock;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginForm form, Map<String, String> errors, long pausedMinutes);
    }

    @GET
    @Path("/login")
    public Response loginForm() {
        if (session.hasPassword()) {
            return next();
        }
        return Response.ok(Templates.login(new LoginForm(), Map.of(), 0)).build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        LoginForm f = LoginForm.of(form);
        String password = f.password;
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return again(f, Map.of(FormErrors.CSRF, "form_csrf_expired"), 400, 0);
        }
        Map<String, String> errors = FormErrors.of(f, validator.validate(f));
        if (!errors.isEmpty()) {
            return again(f, errors, 400, 0);
        }
        String account = Staff.normalizeEmail(f.email);
        String address = address(request);
        Instant until = throttle.tryBegin(account, address);
        if (until != null) {
            long minutes = Math.max(1, (Duration.between(clock.now(), until).toSeconds() + 59) / 60);
            return again(f, Map.of(), 429, minutes);
        }
        Optional<Staff> staff = service.authenticate(account, password);
        if (staff.isEmpty()) {
            if (throttle.failed(account, address)) {
                service.auditAccount(account, "SIGN_IN_PAUSED");
            }
            service.auditAccount(account, "SIGN_IN_FAILED");
            // One message for an unknown address and a wrong password: the page must not tell which.
            return again(f, Map.of("email", "staff_login_failed"), 400, 0);
        }
        throttle.succeeded(account, address);
        service.auditAccount(staff.get().id, "SIGN_IN");
        session.signIn(staff.get(), service.roles(staff.get().id));
        return next();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(MultivaluedMap<String, String> form) {
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            flash.next("form_csrf_expired");
            return seeOther(session.hasPassword() ? "/staff" : "/staff/login");
        }
        session.account().ifPresent(s -> service.endAllSessions(s.id));
        session.signOut();
        flash.next("staff_logout_done");
        return seeOther("/staff/login");
    }

    private Response again(LoginForm f, Map<String, String> errors, int status, long pausedMinutes) {
        f.password = null;
        return Response.status(status)
                .entity(Templates.login(f, new LinkedHashMap<>(errors), pausedMinutes))
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
