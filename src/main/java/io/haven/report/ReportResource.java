package io.haven.report;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.HelpDirectory;
import io.haven.lesson.HelpEntry;
import io.haven.school.SchoolDirectory;
import io.haven.web.Clock;
import io.haven.web.FormErrors;
import io.haven.web.FormOnce;
import io.haven.web.FormTokenUse;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.haven.web.RateLimiter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The anonymous reporter side. Nothing here reads or writes anything that could identify the
 * reporter: the client address is used only as a key of in-memory rate limits (blinded there), never
 * stored or logged; the only cookie is the CSRF one; receipts and follow-ups are rendered directly
 * with no-store, never carried through a redirect.
 */
@Singleton
@Path("/report")
@Produces(MediaType.TEXT_HTML)
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    SchoolDirectory schools;

    @Inject
    ContentCatalogue content;

    @Inject
    PageContext page;

    @Inject
    Forms forms;

    @Inject
    Clock clock;

    @Inject
    FormOnce once;

    @Inject
    ReportConfig config;

    RateLimiter sending;
    RateLimiter sendingPerAddress;
    RateLimiter lookups;
    RateLimiter lookupsPerAddress;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(ReportPage view);

        static native TemplateInstance receipt(
                Receipt receipt, Category category, boolean danger, HelpDirectory help, List<HelpEntry> takedown);

        static native TemplateInstance saved(HelpDirectory help, boolean alreadySent);

        static native TemplateInstance followUpForm(FollowUpForm form, FormErrors errors);

        static native TemplateInstance followUp(
                String receipt,
                FollowUp view,
                FormErrors errors,
                String reply,
                boolean sent,
                boolean alreadySent,
                HelpDirectory help);

        static native TemplateInstance privacy();
    }

    @PostConstruct
    void limits() {
        sending = new RateLimiter(config.perAddressHourly(), Duration.ofHours(1));
        sendingPerAddress = new RateLimiter(config.perAddressHourly() * 10, Duration.ofHours(1));
        lookups = new RateLimiter(config.followUpAttempts(), Duration.ofMinutes(10));
        lookupsPerAddress = new RateLimiter(config.followUpAttempts() * 10, Duration.ofMinutes(10));
    }

    /** Tests only: many browser runs come from one address. */
    public void clearLimitsForTests() {
        sending.clear();
        sendingPerAddress.clear();
        lookups.clear();
        lookupsPerAddress.clear();
    }

    @GET
    public Response form() {
        return page(Response.Status.OK, new ReportForm(), forms.none(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response send(@BeanParam ReportForm form, @Context HttpServerRequest request) {
        form.normalized();
        // A school made on another node since this node's last refresh is read from the database.
        Optional<SchoolDirectory.Listing> school = fixedSchool()
                .or(() -> schools.bySlug(form.school))
                .or(() -> form.school.isEmpty() ? Optional.empty() : schools.fresh(form.school));
        // "Danger now" is stored even when the form's token is stale or the hidden honeypot was filled (a
        // browser's autofill can do that): losing the one report that matters costs more than a stray one.
        boolean urgentAnyway = form.isDanger()
                && school.isPresent()
                && form.checkIgnoringHoneypot(forms.none(), true).isEmpty();
        FormErrors errors = forms.check(form);
        if (errors.isStale() && !urgentAnyway) {
            return page(Response.Status.BAD_REQUEST, form, errors, null);
        }
        if (!errors.isStale()) {
            form.check(errors, school.isPresent());
        }
        if (errors.isPresent() && !urgentAnyway) {
            return page(Response.Status.BAD_REQUEST, form, errors, null);
        }
        Category category = Category.of(form.category).orElseThrow();
        // Limits tell browsers apart by their session-only form cookie (bound to the token), not by address,
        // so a school behind one address is many senders; the address limit is ten times higher, a backstop.
        // Intimate images, sextortion and danger now are never refused: a flood must not block the one that matters.
        boolean mustStore = form.isDanger() || category.intimateImage;
        String browser = form.browser();
        Instant now = clock.now();
        boolean withinLimits = sending.tryAcquire(browser, now) && sendingPerAddress.tryAcquire(address(request), now);
        if (!withinLimits && !mustStore) {
            long wait = Math.max(sending.minutesUntilFree(browser, now), 1);
            return page(
                    Response.Status.TOO_MANY_REQUESTS,
                    form,
                    forms.none(),
                    reporting().report_slow_down(wait));
        }
        // The form's one-time token: the same form sent again (a refresh of the receipt page) makes no second case.
        Optional<String> onceHash = once.hashOf(form.once);
        Optional<Receipt> receipt;
        try {
            receipt = reports.submitNew(form, school.get().id(), onceHash.orElse(null));
        } catch (RuntimeException e) {
            if (onceHash.isPresent()
                    && Unstored.orEmpty(() -> Optional.of(FormTokenUse.isUsed(onceHash.get())))
                            .orElse(false)) {
                // Two sends of one form at once: the other one stored the report.
                return Response.ok(Templates.saved(help(), true)).build();
            }
            // Not stored (a stalled database, locks, a full pool): the form again, everything kept, 503.
            Unstored.log("report", e);
            return page(
                    Response.Status.SERVICE_UNAVAILABLE,
                    form,
                    forms.none(),
                    Messages.conflict(page.language()).report_not_stored());
        }
        if (receipt.isEmpty()) {
            return Response.ok(Templates.saved(help(), true)).build();
        }
        HelpDirectory help = help();
        return Response.ok(Templates.receipt(receipt.get(), category, form.isDanger(), help, takedown(help)))
                .build();
    }

    /**
     * "I have saved my code": the next steps, with the code no longer on the screen. It changes nothing, so a
     * stale token (the receipt page left open a long time) still shows them rather than an error page.
     */
    @POST
    @Path("/saved")
    @HandlesStaleForm
    public Response saved() {
        return Response.ok(Templates.saved(help(), false)).build();
    }

    @GET
    @Path("/follow-up")
    public TemplateInstance followUpForm() {
        freshSafetySettings();
        return Templates.followUpForm(new FollowUpForm(), forms.none());
    }

    @POST
    @Path("/follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response followUp(@BeanParam FollowUpForm f, @Context HttpServerRequest request) {
        f.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isStale()) {
            return Response.status(400)
                    .entity(Templates.followUpForm(f, errors))
                    .build();
        }
        String browser = f.browser();
        Instant now = clock.now();
        if (lookupsExhausted(browser, address(request), now)) {
            long wait = lookups.minutesUntilFree(browser, now);
            errors.add("receipt", "report_followup_slow_down", wait);
            return Response.status(429)
                    .entity(Templates.followUpForm(f, errors))
                    .build();
        }
        Optional<FollowUp> view = reports.followUp(f.receipt);
        if (view.isEmpty()) {
            // Only a wrong receipt counts: students checking their own reports never use up the school's budget.
            lookups.tryAcquire(browser, now);
            lookupsPerAddress.tryAcquire(address(request), now);
            errors.add("receipt", "report_followup_not_found");
            return Response.status(404)
                    .entity(Templates.followUpForm(f, errors))
                    .build();
        }
        return Response.ok(Templates.followUp(f.receipt, view.get(), forms.none(), "", false, false, help()))
                .build();
    }

    @POST
    @Path("/follow-up/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response reply(@BeanParam ReplyForm f, @Context HttpServerRequest request) {
        f.stripped();
        String receipt = f.receipt;
        String text = f.message;
        String browser = f.browser();
        if (lookupsExhausted(browser, address(request), clock.now())) {
            long wait = lookups.minutesUntilFree(browser, clock.now());
            return Response.status(429)
                    .entity(Templates.followUpForm(
                            new FollowUpForm(), forms.none().add("receipt", "report_followup_slow_down", wait)))
                    .build();
        }
        FormErrors errors = forms.check(f);
        if (!errors.isStale() && f.length() > ReportForm.BODY_MAX) {
            errors.add("message", "report_error_too_long", f.length(), ReportForm.BODY_MAX);
        }
        Optional<FollowUp> view;
        boolean repeated = false;
        try {
            if (errors.isEmpty()) {
                Optional<ReportService.Replied> replied =
                        reports.reply(receipt, text, once.hashOf(f.once).orElse(null));
                view = replied.map(ReportService.Replied::view);
                repeated = replied.map(ReportService.Replied::repeated).orElse(false);
            } else {
                view = reports.followUp(receipt);
            }
        } catch (RuntimeException e) {
            Unstored.log("reply", e);
            Optional<FollowUp> shown = Unstored.orEmpty(() -> reports.followUp(receipt));
            if (shown.isEmpty()) {
                FollowUpForm lookUp = new FollowUpForm();
                lookUp.receipt = receipt;
                return Response.status(503)
                        .header("Retry-After", 30)
                        .entity(Templates.followUpForm(lookUp, forms.none().add("receipt", "reply_not_stored")))
                        .build();
            }
            errors.add("message", "reply_not_stored");
            return Response.status(503)
                    .header("Retry-After", 30)
                    .entity(Templates.followUp(receipt, shown.get(), errors, text, false, false, help()))
                    .build();
        }
        if (view.isEmpty()) {
            FollowUpForm lookUp = new FollowUpForm();
            lookUp.receipt = receipt;
            return Response.status(404)
                    .entity(Templates.followUpForm(lookUp, forms.none().add("receipt", "report_followup_not_found")))
                    .build();
        }
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.followUp(receipt, view.get(), errors, text, false, false, help()))
                    .build();
        }
        if (view.get().purgedAt() != null) {
            // Nothing was stored: the page says the content was deleted, and no reply is accepted any more.
            return Response.status(409)
                    .entity(Templates.followUp(receipt, view.get(), errors, "", false, false, help()))
                    .build();
        }
        if (!view.get().replyOpen()) {
            // Closed longer than the reply window ago: nothing was stored; the text stays on the page to copy.
            errors.add("message", "followup_read_only", view.get().closedAt().format(page.getDateTimeFormat()));
            return Response.status(409)
                    .entity(Templates.followUp(receipt, view.get(), errors, text, false, false, help()))
                    .build();
        }
        // The same reply sent again (a refresh after sending): nothing stored, a calm note instead of "sent".
        return Response.ok(Templates.followUp(receipt, view.get(), errors, "", !repeated, repeated, help()))
                .build();
    }

    @GET
    @Path("/privacy")
    public TemplateInstance privacy() {
        return Templates.privacy();
    }

    private Response page(Response.Status status, ReportForm form, FormErrors errors, String notice) {
        HelpDirectory help = help();
        ReportPage view =
                new ReportPage(form, errors, schools.all(), fixedSchool().orElse(null), help, takedown(help), notice);
        return Response.status(status).entity(Templates.form(view)).build();
    }

    private Optional<SchoolDirectory.Listing> fixedSchool() {
        return page.schoolSlug().flatMap(schools::bySlug);
    }

    /** The help for this page, with the school's emergency number (and quick exit) read fresh from the database, not the cache. */
    private HelpDirectory help() {
        freshSafetySettings();
        return HelpDirectory.forReader(content.curriculum().help(), page);
    }

    private void freshSafetySettings() {
        page.schoolSlug()
                .flatMap(schools::fresh)
                .ifPresent(s -> page.useFreshSafetySettings(s.jurisdiction(), s.emergencyNumber(), s.quickExitUrl()));
    }

    /** The takedown services of the directory the page already read (the school is read once per request). */
    private static List<HelpEntry> takedown(HelpDirectory h) {
        return h == null
                ? List.of()
                : h.entries().stream().filter(e -> e.kind().equals("takedown")).toList();
    }

    private ReportingMsg reporting() {
        return Messages.get(ReportingMsg.class, page.language());
    }

    /** Whether this browser, or its address, used up its failed look-ups (checked without counting one). */
    private boolean lookupsExhausted(String browser, String address, Instant now) {
        return lookups.isExhausted(browser, now) || lookupsPerAddress.isExhausted(address, now);
    }

    /** Used only as a key of the in-memory limits above; never stored, never logged. */
    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
