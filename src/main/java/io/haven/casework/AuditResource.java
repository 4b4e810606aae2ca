package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.report.ReportCase;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Flash;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit log for a school's administrators: chain verification, filters by case or staff member, CSV. */
@Path("/staff/admin/audit")
public class AuditResource {

    @Inject
    StaffSession session;

    @Inject
    AuditChain chain;

    @Inject
    io.haven.web.PageContext page;

    @Inject
    io.haven.school.SchoolDirectory schools;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    Audit audit;

    /** A row as shown, with the staff member's name. */
    public record Line(CaseAudit row, String caseNumber, String staffName, String text, java.time.ZonedDateTime at) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(
                long school,
                Optional<Long> brokenAt,
                boolean brokenElsewhere,
                List<Line> lines,
                String caseFilter,
                String staffFilter);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(
            @QueryParam("school") Long school, @QueryParam("case") String caseId, @QueryParam("staff") String staffId) {
        long s = admin(school);
        // Only this school's rows appended since its last check are read (the full check is a button, the
        // daily digest job and the management command). A broken head is reported without any row id.
        Optional<AuditChain.Break> broken = chain.checkSchool(s, false);
        Optional<Long> here =
                broken.filter(b -> b.schoolId() != null && b.schoolId() == s).map(AuditChain.Break::rowId);
        return Templates.audit(
                s,
                here,
                broken.isPresent() && here.isEmpty(),
                lines(s, caseId, staffId),
                Optional.ofNullable(caseId).orElse(""),
                Optional.ofNullable(staffId).orElse(""));
    }

    /** The full check of this school's rows, on demand; the check is itself recorded in the log. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response fullCheck(@BeanParam AuditCheckForm f) {
        long s = admin(f.schoolId().orElse(null));
        if (forms.stale()) {
            flash.next(Forms.STALE_KEY);
        } else {
            audit.fullCheck(Actor.staff(session.requireSignedIn().id), s);
        }
        return Response.seeOther(URI.create("/staff/admin/audit?school=" + s)).build();
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(
            @QueryParam("school") Long school, @QueryParam("case") String caseId, @QueryParam("staff") String staffId) {
        long s = admin(school);
        io.haven.staff.WorkspaceMsg w = io.haven.web.Messages.get(io.haven.staff.WorkspaceMsg.class, page.language());
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines(s, caseId, staffId)) {
            CaseAudit r = l.row();
            // The action in the reader's words, then the stored code and detail as the chain hashed them.
            rows.add(java.util.Arrays.asList(
                    String.valueOf(r.id),
                    when.format(l.at()),
                    l.caseNumber(),
                    l.staffName(),
                    l.text(),
                    r.action,
                    r.detail == null ? "" : r.detail,
                    r.rowHash == null ? "" : r.rowHash));
        }
        String out = io.haven.web.Csv.of(
                List.of(
                        w.csv_row(),
                        w.csv_when(),
                        w.csv_case(),
                        w.csv_staff(),
                        w.csv_action(),
                        w.csv_code(),
                        w.csv_detail(),
                        w.csv_row_hash()),
                rows);
        return Response.ok(out, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + s + ".csv\"")
                .build();
    }

    private List<Line> lines(long school, String caseId, String staffId) {
        StringBuilder q = new StringBuilder("schoolId = ?1");
        List<Object> params = new ArrayList<>(List.of(school));
        // Staff filter by the number they see, counted per school; an unknown number matches no row.
        io.haven.web.FormValues.number(caseId)
                .map(n -> ReportCase.findByNumber(school, n.intValue())
                        .map(c -> c.id)
                        .orElse(-1L))
                .ifPresent(c -> {
                    params.add(c);
                    q.append(" and caseId = ?").append(params.size());
                });
        io.haven.web.FormValues.number(staffId).ifPresent(st -> {
            params.add(st);
            q.append(" and staffId = ?").append(params.size());
        });
        List<CaseAudit> rows = CaseAudit.find(q + " order by id desc", params.toArray())
                .page(0, 500)
                .list();
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = java.util.stream.Stream.concat(
                        rows.stream().map(r -> r.staffId),
                        rows.stream()
                                .map(r ->
                                        AuditText.namedStaff(r.action, r.detail).orElse(null)))
                .filter(id -> id != null)
                .distinct()
                .toList();
        if (!ids.isEmpty()) {
            Staff.<Staff>list("id in ?1", ids).forEach(st -> names.put(st.id, st.displayName));
        }
        // The number staff see for each case of these rows, read in one query for the whole page.
        Map<Long, Integer> numbers = new HashMap<>();
        List<Long> caseIds = rows.stream()
                .map(r -> r.caseId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        if (!caseIds.isEmpty()) {
            ReportCase.getEntityManager()
                    .createQuery("select id, number from ReportCase where id in ?1", Object[].class)
                    .setParameter(1, caseIds)
                    .getResultList()
                    .forEach(n -> numbers.put((Long) n[0], (Integer) n[1]));
        }
        io.haven.web.Language lang = page.language();
        java.time.ZoneId zone = schools.byId(school)
                .map(io.haven.school.SchoolDirectory.Listing::zone)
                .orElse(java.time.ZoneOffset.UTC);
        return rows.stream()
                .map(r -> new Line(
                        r,
                        r.caseId == null || !numbers.containsKey(r.caseId) ? "" : String.valueOf(numbers.get(r.caseId)),
                        names.getOrDefault(r.staffId, ""),
                        AuditText.describe(r.action, r.detail, names, lang),
                        r.createdAt.atZone(zone)))
                .toList();
    }

    private long admin(Long school) {
        return session.administeredSchool(school);
    }
}
