package io.haven.casework;

import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.haven.web.Clock;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.net.URI;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit log for a school's administrators: chain verification, filters by case or staff member, CSV. */
@Path("/staff/admin/audit")
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditResource {

    @Inject
    StaffSession session;

    @Inject
    AuditChain chain;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    /** A row as shown, with the staff member's name. */
    public record Line(CaseAudit row, String staffName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(long school, Optional<Long> brokenAt, boolean brokenElsewhere, List<Line> lines,
                String caseFilter, String staffFilter);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("school") Long school, @QueryParam("case") String caseId,
            @QueryParam("staff") String staffId) {
        long s = admin(school);
        // Only this school's rows appended since its last check are read (the full check is a button, the
        // daily digest job and the management command). A broken head is reported without any row id.
        Optional<AuditChain.Break> broken = chain.checkSchool(s, false);
        Optional<Long> here = broken.filter(b -> b.schoolId() != null && b.schoolId() == s).map(AuditChain.Break::rowId);
        return Templates.audit(s, here, broken.isPresent() && here.isEmpty(), lines(s, caseId, staffId),
                Optional.ofNullable(caseId).orElse(""), Optional.ofNullable(staffId).orElse(""));
    }

    /** The full check of this school's rows, on demand; the check is itself recorded in the log. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fullCheck(@FormParam("school") Long school, @FormParam(Csrf.FIELD) String token) {
        long s = admin(school);
        if (!csrf.accepts(token)) {
            csrf.renew();
            flash.next("form_csrf_expired");
        } else {
            chain.fullCheckBy(s, session.requireSignedIn().id, clock.now());
        }
        return Response.seeOther(URI.create("/staff/admin/audit?school=" + s)).build();
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("school") Long school, @QueryParam("case") String caseId,
            @QueryParam("staff") String staffId) {
        long s = admin(school);
        StringBuilder out = new StringBuilder("id,created_at,case_id,staff,action,detail,row_hash\n");
        for (Line l : lines(s, caseId, staffId)) {
            CaseAudit r = l.row();
            out.append(r.id).append(',').append(r.createdAt).append(',').append(r.caseId == null ? "" : r.caseId).append(',')
                    .append(cell(l.staffName())).append(',').append(cell(r.action)).append(',').append(cell(r.detail))
                    .append(',').append(r.rowHash == null ? "" : r.rowHash).append('\n');
        }
        return Response.ok(out.toString()).header("Content-Disposition", "attachment; filename=\"audit-" + s + ".csv\"")
                .build();
    }

    private List<Line> lines(long school, String caseId, String staffId) {
        StringBuilder q = new StringBuilder("schoolId = ?1");
        List<Object> params = new ArrayList<>(List.of(school));
        parse(caseId).ifPresent(c -> {
            params.add(c);
            q.append(" and caseId = ?").append(params.size());
        });
        parse(staffId).ifPresent(st -> {
            params.add(st);
            q.append(" and staffId = ?").append(params.size());
        });
        List<CaseAudit> rows = CaseAudit.find(q + " order by id desc", params.toArray()).page(0, 500).list();
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = rows.stream().map(r -> r.staffId).filter(id -> id != null).distinct().toList();
        if (!ids.isEmpty()) {
            Staff.<Staff>list("id in ?1", ids).forEach(st -> names.put(st.id, st.displayName));
        }
        return rows.stream().map(r -> new Line(r, names.getOrDefault(r.staffId, ""))).toList();
    }

    /** A spreadsheet must not read a cell as a formula. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private long admin(Long school) {
        return session.administeredSchool(school);
    }

    private static Optional<Long> parse(String v) {
        try {
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(Long.valueOf(v.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
