package io.haven.classroom;

import io.haven.crypto.KeyedHash;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.LessonModule;
import io.haven.lesson.QuizQuestion;
import io.haven.lesson.QuizResult;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Band;
import io.haven.web.Clock;
import io.haven.web.FormTokenUse;
import io.haven.web.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Classes, seats, assignments and progress. A teacher reaches only the classes they own in a school
 * where they still teach: anything else is a 404. Seats carry a nickname only.
 */
@ApplicationScoped
@Transactional
public class ClassroomService {

    @Inject
    StaffSession session;

    @Inject
    ContentCatalogue content;

    @Inject
    KeyedHash hash;

    @Inject
    Clock clock;

    // --- the teacher's side -------------------------------------------------------------------

    /** The schools where the signed-in member teaches; none is a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<School> teachingSchools() {
        session.requireSignedIn();
        List<Long> ids = session.schoolsWithRole(Role.TEACHER);
        if (ids.isEmpty()) {
            throw new NotFoundException();
        }
        return ids.stream()
                .map(id -> School.<School>findById(id))
                .filter(s -> s != null)
                .toList();
    }

    /** The member's own classes in the schools where they teach. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClassRow> list() {
        Staff me = session.requireSignedIn();
        List<Long> schools = teachingSchools().stream().map(s -> s.id).toList();
        return Classroom.listByOwner(me.id, schools).stream()
                .map(c -> new ClassRow(c, Seat.countByClassroom(c.id), Assignment.count("classroomId", c.id)))
                .toList();
    }

    public record ClassRow(Classroom classroom, long seats, long assignments) {}

    public Classroom create(
            long schoolId, String name, Band band, Language language, LocalDate expiresOn, Integer seatCap) {
        Staff me = session.requireRole(schoolId, Role.TEACHER);
        Classroom c = new Classroom();
        c.schoolId = schoolId;
        c.ownerId = me.id;
        c.name = name;
        c.band = band.id;
        c.language = language.code;
        c.joinCode = newCode();
        c.codeOpen = true;
        c.codeExpiresOn = expiresOn;
        c.seatCap = seatCap;
        c.createdAt = clock.now();
        c.persist();
        return c;
    }

    /** A class the signed-in teacher owns, or a 404 (another teacher's, another school's, archived, unknown). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Classroom owned(long id) {
        Staff me = session.requireSignedIn();
        Classroom c = Classroom.findById(id);
        if (c == null || c.archivedAt != null || c.ownerId != me.id || !session.hasRole(c.schoolId, Role.TEACHER)) {
            throw new NotFoundException();
        }
        return c;
    }

    public void resetCode(long id) {
        Classroom c = owned(id);
        c.joinCode = newCode();
        c.codeOpen = true;
    }

    public void setCodeOpen(long id, boolean open) {
        owned(id).codeOpen = open;
    }

    /** What archiving a class would delete: its seats, and its recorded answers and lesson results. */
    public record ArchiveCounts(long seats, long answers) {}

    public ArchiveCounts archiveCounts(long id) {
        Classroom c = owned(id);
        List<Long> seats = Seat.listByClassroom(c.id).stream().map(s -> s.id).toList();
        long answers =
                seats.isEmpty() ? 0 : SeatAnswer.count("seatId in ?1", seats) + Progress.count("seatId in ?1", seats);
        return new ArchiveCounts(seats.size(), answers);
    }

    /** Archives a class: its code stops working and its seats, progress and answers are deleted. */
    public void archive(long id) {
        Classroom c = owned(id);
        List<Long> seats = Seat.listByClassroom(c.id).stream().map(s -> s.id).toList();
        SeatAnswer.deleteBySeats(seats);
        Progress.deleteBySeats(seats);
        Seat.delete("classroomId", c.id);
        c.codeOpen = false;
        c.archivedAt = clock.now();
    }

    /** Assigns a module (again: a new due date); the lesson band is the class's, or the module's nearest. */
    public void assign(long id, LessonModule module, LocalDate dueOn) {
        Classroom c = owned(id);
        Band classBand = Band.of(c.band).orElseThrow();
        Band band = module.hasBand(classBand) ? classBand : module.nearestBand(classBand);
        Assignment a = Assignment.findByModule(c.id, module.id()).orElseGet(() -> {
            Assignment n = new Assignment();
            n.classroomId = c.id;
            n.moduleId = module.id();
            n.createdAt = clock.now();
            return n;
        });
        a.band = band.id;
        a.dueOn = dueOn;
        if (a.id == null) {
            a.persist();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today(long schoolId) {
        School s = School.findById(schoolId);
        return clock.now().atZone(ZoneId.of(s.timeZone)).toLocalDate();
    }

    /** The class page: table, question results and what can be assigned. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassView view(long id) {
        Classroom c = owned(id);
        School school = School.findById(c.schoolId);
        LocalDate today = today(c.schoolId);
        Band classBand = Band.of(c.band).orElseThrow();
        Language lang = Language.of(c.language).orElse(Language.EN);
        List<Assignment> assignments = Assignment.listByClassroom(c.id);
        List<ClassView.AssignmentRow> rows = assignments.stream()
                .map(a -> new ClassView.AssignmentRow(a, title(a, lang), !a.band.equals(c.band), pastDue(a, today)))
                .toList();
        List<Seat> seats = Seat.listByClassroom(c.id);
        List<Long> seatIds = seats.stream().map(s -> s.id).toList();
        Map<String, Progress> progress = new HashMap<>();
        for (Progress p : Progress.listBySeats(seatIds)) {
            progress.put(p.seatId + "/" + p.moduleId, p);
        }
        List<ClassView.SeatRow> seatRows = new ArrayList<>();
        for (Seat s : seats) {
            List<ClassView.Cell> cells = new ArrayList<>();
            for (ClassView.AssignmentRow a : rows) {
                Progress p = progress.get(s.id + "/" + a.assignment().moduleId);
                cells.add(cell(p, a.pastDue()));
            }
            seatRows.add(new ClassView.SeatRow(s, cells));
        }
        List<ClassView.QuestionRow> questions = questions(assignments, SeatAnswer.listBySeats(seatIds), lang);
        List<ClassView.ModuleOption> modules = content.curriculum().modules().stream()
                .map(m -> new ClassView.ModuleOption(
                        m,
                        m.lesson(m.hasBand(classBand) ? classBand : m.nearestBand(classBand), lang)
                                .orElseThrow()
                                .title(),
                        m.hasBand(classBand),
                        m.bands().stream().map(b -> b.id).collect(Collectors.joining(", "))))
                .toList();
        return new ClassView(c, school.name, today, rows, seatRows, questions, modules);
    }

    private static ClassView.Cell cell(Progress p, boolean pastDue) {
        if (p != null && p.completed()) {
            return new ClassView.Cell("completed", p.lastScore, p.bestScore, p.questionCount);
        }
        if (pastDue) {
            return new ClassView.Cell("overdue", null, null, null);
        }
        return new ClassView.Cell(p == null ? "not-started" : "read", null, null, null);
    }

    private static boolean pastDue(Assignment a, LocalDate today) {
        return a.dueOn != null && a.dueOn.isBefore(today);
    }

    private List<ClassView.QuestionRow> questions(
            List<Assignment> assignments, List<SeatAnswer> answers, Language lang) {
        List<ClassView.QuestionRow> out = new ArrayList<>();
        for (Assignment a : assignments) {
            Optional<Lesson> lesson = lesson(a, lang);
            if (lesson.isEmpty()) {
                continue;
            }
            for (QuizQuestion q : lesson.get().quiz()) {
                List<SeatAnswer> mine = answers.stream()
                        .filter(x -> x.moduleId.equals(a.moduleId) && x.questionId.equals(q.id()))
                        .toList();
                long wrong = mine.stream().filter(x -> !x.correct).count();
                out.add(new ClassView.QuestionRow(lesson.get().title(), q.id(), q.text(), wrong, mine.size()));
            }
        }
        out.sort(Comparator.comparingDouble(
                (ClassView.QuestionRow r) -> r.answered() == 0 ? 0 : -(double) r.wrong() / r.answered()));
        return out;
    }

    private Optional<Lesson> lesson(Assignment a, Language lang) {
        return content.curriculum()
                .module(a.moduleId)
                .flatMap(m -> Band.of(a.band).flatMap(b -> m.lesson(b, lang)));
    }

    private String title(Assignment a, Language lang) {
        return lesson(a, lang).map(Lesson::title).orElse(a.moduleId);
    }

    private String newCode() {
        String code;
        do {
            code = Codes.random(Codes.JOIN_LENGTH);
        } while (Classroom.codeTaken(code));
        return code;
    }

    // --- the student's side -------------------------------------------------------------------

    /** Joins a class by its code; the class row is locked so that a seat cap holds under a rush. */
    public JoinOutcome join(String typedCode, String nickname) {
        return join(typedCode, nickname, null);
    }

    /**
     * As {@link #join(String, String)}, with the join form's one-time token (its keyed hash, null for none): the
     * same form sent a second time changes nothing and answers {@code REPEATED}.
     */
    public JoinOutcome join(String typedCode, String nickname, String onceHash) {
        if (onceHash != null && !FormTokenUse.claim(onceHash, clock.now())) {
            return JoinOutcome.refused(JoinOutcome.Problem.REPEATED);
        }
        Optional<Classroom> found = Classroom.findByCode(Codes.normalize(typedCode));
        if (found.isEmpty()) {
            return JoinOutcome.refused(JoinOutcome.Problem.UNKNOWN_CODE);
        }
        Classroom c = Classroom.findById(found.get().id, LockModeType.PESSIMISTIC_WRITE);
        if (!c.codeOpen) {
            return JoinOutcome.refused(JoinOutcome.Problem.CLOSED);
        }
        if (c.codeExpiresOn != null && c.codeExpiresOn.isBefore(today(c.schoolId))) {
            return JoinOutcome.refused(JoinOutcome.Problem.EXPIRED);
        }
        if (c.seatCap != null && Seat.countByClassroom(c.id) >= c.seatCap) {
            return JoinOutcome.refused(JoinOutcome.Problem.FULL);
        }
        if (Seat.nicknameTaken(c.id, nickname)) {
            return JoinOutcome.refused(JoinOutcome.Problem.NICKNAME_TAKEN);
        }
        String resume;
        do {
            resume = Codes.random(Codes.RESUME_LENGTH);
        } while (Seat.findByResumeHash(resumeHash(resume)).isPresent());
        Seat s = new Seat();
        s.classroomId = c.id;
        s.nickname = nickname.strip();
        s.nicknameKey = Seat.key(nickname);
        s.resumeHash = resumeHash(resume);
        s.createdAt = minute();
        s.persist();
        return new JoinOutcome(null, s, Codes.grouped(resume));
    }

    /** The seat of a resume code, if its class is still running. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Seat> resume(String typedCode) {
        String code = Codes.normalize(typedCode);
        if (code.length() != Codes.RESUME_LENGTH) {
            return Optional.empty();
        }
        return Seat.findByResumeHash(resumeHash(code))
                .filter(s -> active(s.classroomId).isPresent());
    }

    private String resumeHash(String normalized) {
        return hash.hex("seat-resume", normalized);
    }

    /**
     * Seat and progress times are kept to the minute: to the second, they could be lined up with the
     * time of an anonymous report sent from the same device.
     */
    private Instant minute() {
        return clock.now().truncatedTo(ChronoUnit.MINUTES);
    }

    private static Optional<Classroom> active(long classroomId) {
        return Optional.ofNullable(Classroom.<Classroom>findById(classroomId)).filter(c -> c.archivedAt == null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Seat> seat(long seatId) {
        return Optional.ofNullable(Seat.<Seat>findById(seatId))
                .filter(s -> active(s.classroomId).isPresent());
    }

    /** The seat's page: its assignments with due dates and its own progress. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MyView> my(long seatId) {
        Optional<Seat> seat = seat(seatId);
        if (seat.isEmpty()) {
            return Optional.empty();
        }
        Classroom c = Classroom.findById(seat.get().classroomId);
        Language lang = Language.of(c.language).orElse(Language.EN);
        LocalDate today = today(c.schoolId);
        Map<String, Progress> progress =
                Progress.listBySeats(List.of(seatId)).stream().collect(Collectors.toMap(p -> p.moduleId, p -> p));
        List<MyView.Row> rows = Assignment.listByClassroom(c.id).stream()
                .map(a -> {
                    ClassView.Cell cell = cell(progress.get(a.moduleId), pastDue(a, today));
                    String href = "/lessons/" + a.moduleId + "?band=" + a.band + "&lang=" + c.language;
                    return new MyView.Row(
                            title(a, lang),
                            href,
                            a.dueOn,
                            pastDue(a, today) && !cell.isCompleted(),
                            cell.state(),
                            cell.lastScore(),
                            cell.bestScore(),
                            cell.total());
                })
                .toList();
        return Optional.of(new MyView(seat.get(), c, rows));
    }

    /** The one write a GET may cause: a seat opened an assigned lesson (idempotent). */
    public void opened(long seatId, String moduleId, Band band) {
        assignmentFor(seatId, moduleId, band).ifPresent(a -> progress(seatId, moduleId));
    }

    /** A seat sent a complete quiz of an assigned lesson: completed, scores and answers per question kept. */
    public void quizSent(long seatId, String moduleId, Band band, QuizResult result) {
        if (assignmentFor(seatId, moduleId, band).isEmpty()) {
            return;
        }
        Instant now = minute();
        Progress p = progress(seatId, moduleId);
        int score = (int) result.score();
        p.completedAt = now;
        p.lastScore = score;
        p.bestScore = p.bestScore == null ? score : Math.max(p.bestScore, score);
        p.questionCount = result.total();
        for (QuizResult.Answer answer : result.answers()) {
            String qid = answer.question().id();
            SeatAnswer a = SeatAnswer.find(seatId, moduleId, qid).orElseGet(() -> {
                SeatAnswer n = new SeatAnswer();
                n.seatId = seatId;
                n.moduleId = moduleId;
                n.questionId = qid;
                return n;
            });
            a.correct = answer.correct();
            a.answeredAt = now;
            if (a.id == null) {
                a.persist();
            }
        }
    }

    private Optional<Assignment> assignmentFor(long seatId, String moduleId, Band band) {
        return seat(seatId)
                .flatMap(s -> Assignment.findByModule(s.classroomId, moduleId))
                .filter(a -> a.band.equals(band.id));
    }

    private Progress progress(long seatId, String moduleId) {
        return Progress.findBySeat(seatId, moduleId).orElseGet(() -> {
            Progress n = new Progress();
            n.seatId = seatId;
            n.moduleId = moduleId;
            n.readAt = minute();
            n.persist();
            return n;
        });
    }
}
