package io.haven.casework;

import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A school administrator's statistics: reports per month and category, how fast cases are
 * acknowledged and closed, outcomes and the misuse rate, for the last 3 to 24 months in the school's
 * time zone. Small counts are suppressed (see {@link Statistics}); no case is named or linked.
 */
@Path("/staff/admin/stats")
@Produces(MediaType.TEXT_HTML)
public class StatsResource {

    @Inject
    StaffSession session;

    @Inject
    Statistics statistics;

    @Inject
    StatsCache cache;

    @Inject
    Clock clock;

    @Inject
    PageContext page;

    @Inject
    Forms forms;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(
                School school,
                List<School> schools,
                int months,
                List<Integer> periods,
                String first,
                String last,
                String zone,
                Statistics.Figures figures,
                String asOf,
                int freshMinutes,
                FormErrors errors);
    }

    @GET
    public Response show(@QueryParam("school") Long schoolId, @QueryParam("months") String monthsParam) {
        School school = school(schoolId);
        FormErrors errors = forms.none();
        Integer months = period(monthsParam);
        if (months == null) {
            errors.add("months", "stats_error_period");
            months = Statistics.DEFAULT_PERIOD;
        }
        ZoneId zone = ZoneId.of(school.timeZone);
        List<YearMonth> range = Statistics.months(YearMonth.from(clock.now().atZone(zone)), months);
        // The school's own lead (its administrator or handler) can open every case counted: exact figures.
        StatsCache.Snapshot snapshot = cache.read(school.id, zone, range);
        Statistics.Figures figures = statistics.figures(List.of(snapshot.raw()), range, page.language(), true);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(
                io.haven.web.Messages.get(io.haven.casework.StatsMsg.class, page.language())
                        .stats_month_pattern(),
                page.locale());
        List<School> mine = session.schoolsWithRole(Role.ADMIN, Role.HANDLER).stream()
                .map(id -> School.<School>findById(id))
                .filter(s -> s != null)
                .toList();
        TemplateInstance html = Templates.stats(
                school,
                mine,
                months,
                Statistics.PERIODS,
                f.format(range.get(0)),
                f.format(range.get(range.size() - 1)),
                zone.getId(),
                figures,
                asOf(snapshot.asOf(), zone),
                freshMinutes(cache.freshFor()),
                errors);
        return Response.status(errors.isPresent() ? 400 : 200).entity(html).build();
    }

    /** A period the select offers, or null for anything else. Absent: the default. */
    static Integer period(String v) {
        if (v == null || v.isBlank()) {
            return Statistics.DEFAULT_PERIOD;
        }
        try {
            int n = Integer.parseInt(v.strip());
            return Statistics.PERIODS.contains(n) ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The school asked for, or the first the member leads (administers or handles cases for); else a 404. */
    private School school(Long schoolId) {
        session.requireSignedIn();
        long id = schoolId != null
                ? schoolId
                : session.schoolsWithRole(Role.ADMIN, Role.HANDLER).stream()
                        .findFirst()
                        .orElseThrow(NotFoundException::new);
        session.requireRole(id, Role.ADMIN, Role.HANDLER);
        return School.<School>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    /** When figures were computed, as the clock on the wall says it in that time zone. */
    static String asOf(java.time.Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
    }

    /** The freshness window in whole minutes, rounded up; 0 when figures are computed on every view. */
    static int freshMinutes(java.time.Duration window) {
        return window.isZero() ? 0 : (int) Math.max(1, (window.toSeconds() + 59) / 60);
    }
}
