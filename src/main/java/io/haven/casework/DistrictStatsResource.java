package io.haven.casework;

import io.haven.school.School;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A district administrator's statistics: the same figures as a school's, for every school and for
 * all together, with the same suppression. Counts only: no case content, no link to any case. Each
 * school's reports fall in months as its own time zone counts them; the period ends with the current
 * month in UTC.
 */
@Path("/staff/district/stats")
@Produces(MediaType.TEXT_HTML)
public class DistrictStatsResource {

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

    /** A school of the district, for the choice of school. */
    public record SchoolChoice(long id, String name) {}

    /** The chosen school's section. */
    public record SchoolFigures(long id, String name, String anchor, Statistics.Figures figures) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance district(
                int months,
                List<Integer> periods,
                String first,
                String last,
                Statistics.Figures all,
                List<SchoolChoice> schools,
                SchoolFigures chosen,
                String asOf,
                int freshMinutes,
                FormErrors errors);
    }

    @GET
    public Response show(@QueryParam("months") String monthsParam, @QueryParam("school") String schoolParam) {
        session.requireDistrictAdmin();
        FormErrors errors = forms.none();
        Integer months = StatsResource.period(monthsParam);
        if (months == null) {
            errors.add("months", "stats_error_period");
            months = Statistics.DEFAULT_PERIOD;
        }
        List<YearMonth> range = Statistics.months(YearMonth.from(clock.now().atZone(ZoneOffset.UTC)), months);
        List<Statistics.Raw> raws = new ArrayList<>();
        List<SchoolChoice> schools = new ArrayList<>();
        SchoolFigures chosen = null;
        String wanted = schoolParam == null ? "" : schoolParam.strip();
        // One school's figures at a time: a district of many schools would otherwise be one very long page.
        // The page is as old as its oldest school's figures.
        java.time.Instant asOf = clock.now();
        for (School s : School.listByName()) {
            StatsCache.Snapshot snapshot = cache.read(s.id, ZoneId.of(s.timeZone), range);
            Statistics.Raw raw = snapshot.raw();
            if (snapshot.asOf().isBefore(asOf)) {
                asOf = snapshot.asOf();
            }
            raws.add(raw);
            schools.add(new SchoolChoice(s.id, s.name));
            if (wanted.equals(String.valueOf(s.id))) {
                chosen = new SchoolFigures(
                        s.id, s.name, "school-" + s.id, statistics.figures(List.of(raw), range, page.language()));
            }
        }
        if (!wanted.isEmpty() && chosen == null) {
            errors.add("school", "stats_error_school");
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(
                Messages.get(StatsMsg.class, page.language()).stats_month_pattern(), page.locale());
        TemplateInstance html = Templates.district(
                months,
                Statistics.PERIODS,
                f.format(range.get(0)),
                f.format(range.get(range.size() - 1)),
                statistics.figures(raws, range, page.language()),
                schools,
                chosen,
                StatsResource.asOf(asOf, ZoneOffset.UTC),
                StatsResource.freshMinutes(cache.freshFor()),
                errors);
        return Response.status(errors.isPresent() ? 400 : 200).entity(html).build();
    }
}
