package io.haven.staff;

import io.haven.crypto.FieldCipher;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The second factor: enrolment (a new TOTP secret as text and QR code, confirmed by a code, then
 * ten recovery codes shown once) and the check after each password sign-in.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class SecondFactorResource {

    /** The secret being set up travels in the form, sealed to the account and its current session epoch. */
    static final String PENDING_CONTEXT = "staff.totp.pending";

    static final String ISSUER = "Haven";

    @Inject
    StaffService service;

    @Inject
    StaffSession session;

    @Inject
    LoginThrottle throttle;

    @Inject
    FieldCipher cipher;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    /** What the enrolment page shows. */
    public record Enrolment(String secret, String groupedSecret, QrImage qr, String pending) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance secondFactor(FormErrors errors, boolean paused);

        static native TemplateInstance enrol(Enrolment enrolment, FormErrors errors);

        static native TemplateInstance recoveryCodes(List<String> codes);
    }

    @GET
    @Path("/second-factor")
    public Response secondFactorForm() {
        if (session.state() != StaffSession.State.NEEDS_SECOND_FACTOR) {
            return nextStep();
        }
        return Response.ok(Templates.secondFactor(forms.none(), false)).build();
    }

    @POST
    @Path("/second-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response secondFactor(@BeanParam CodeForm f, @Context HttpServerRequest request) {
        if (session.state() != StaffSession.State.NEEDS_SECOND_FACTOR) {
            return nextStep();
        }
        Staff me = session.account().orElseThrow();
        FormErrors errors = forms.check(f.strip());
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.secondFactor(errors, false))
                    .build();
        }
        // Codes are guessed like passwords: the same per-account and per-address pause applies.
        String account = "2fa:" + me.id;
        String address = LoginResource.address(request);
        if (throttle.tryBegin(account, address) != null) {
            return Response.status(429)
                    .entity(Templates.secondFactor(forms.none(), true))
                    .build();
        }
        if (!service.passSecondFactor(me.id, f.code)) {
            if (throttle.failed(account, address)) {
                service.auditAccount(me.id, "SIGN_IN_PAUSED");
            }
            service.auditAccount(me.id, "SECOND_FACTOR_FAILED");
            return Response.status(400)
                    .entity(Templates.secondFactor(forms.none().add("code", "staff_code_wrong"), false))
                    .build();
        }
        throttle.succeeded(account, address);
        session.secondFactorPassed();
        return LoginResource.seeOther("/staff");
    }

    @GET
    @Path("/enrol")
    public Response enrolForm() {
        if (session.state() != StaffSession.State.NEEDS_ENROLMENT) {
            return nextStep();
        }
        return Response.ok(Templates.enrol(enrolment(session.account().orElseThrow(), Totp.newSecret()), forms.none()))
                .build();
    }

    @POST
    @Path("/enrol")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response enrol(@RestForm String pending, @BeanParam CodeForm f) {
        if (session.state() != StaffSession.State.NEEDS_ENROLMENT) {
            return nextStep();
        }
        Staff me = session.account().orElseThrow();
        String secret = openPending(me, pending);
        if (secret == null) {
            // A form from another session or account: start again with a new secret.
            return LoginResource.seeOther("/staff/enrol");
        }
        Enrolment e = enrolment(me, secret);
        FormErrors errors = forms.check(f.strip());
        if (errors.isPresent()) {
            return Response.status(400).entity(Templates.enrol(e, errors)).build();
        }
        List<String> codes = service.enrol(me.id, secret, f.code);
        if (codes.isEmpty()) {
            return Response.status(400)
                    .entity(Templates.enrol(e, forms.none().add("code", "staff_code_wrong")))
                    .build();
        }
        session.secondFactorPassed();
        // Shown once, here: recovery codes never travel through a cookie or a URL.
        return Response.ok(Templates.recoveryCodes(codes))
                .header("Cache-Control", "no-store")
                .build();
    }

    private Enrolment enrolment(Staff me, String secret) {
        String uri = Totp.otpauthUri(ISSUER, me.email, secret);
        String pending = cipher.encrypt(PENDING_CONTEXT, me.id + "|" + me.sessionEpoch + "|" + secret);
        return new Enrolment(secret, Totp.grouped(secret), QrImage.of(uri), pending);
    }

    private String openPending(Staff me, String pending) {
        if (pending == null || pending.length() > 500) {
            return null;
        }
        try {
            String[] p = cipher.decrypt(PENDING_CONTEXT, pending).split("\\|");
            if (p.length == 3 && p[0].equals(String.valueOf(me.id)) && p[1].equals(String.valueOf(me.sessionEpoch))) {
                return p[2];
            }
        } catch (RuntimeException tampered) {
            // falls through
        }
        return null;
    }

    private Response nextStep() {
        return switch (session.state()) {
            case NEEDS_ENROLMENT -> LoginResource.seeOther("/staff/enrol");
            case NEEDS_SECOND_FACTOR -> LoginResource.seeOther("/staff/second-factor");
            case SIGNED_IN -> LoginResource.seeOther("/staff");
            case NONE -> LoginResource.seeOther("/staff/login");
        };
    }
}
