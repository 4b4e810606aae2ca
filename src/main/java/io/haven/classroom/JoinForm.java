package io.haven.classroom;

import io.haven.web.FormOnce;
import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/** The join form: a class code and a nickname, nothing else. */
public class JoinForm {

    static final int NICKNAME_MAX = 30;

    @RestForm
    @NotBlank(message = "classroom_join_error_code_missing")
    public String code;

    @RestForm
    @NotBlank(message = "classroom_join_error_nickname_missing")
    public String nickname;

    /** The form's one-time token: the same form sent twice makes one seat. */
    @RestForm(FormOnce.FIELD)
    public String once;

    /** An empty form for the page (the code may come from the link). */
    static JoinForm of(String code) {
        JoinForm f = new JoinForm();
        f.code = code == null ? "" : Codes.normalize(code);
        f.nickname = "";
        return f;
    }

    /** The fields as typed, without the spaces a paste brings. */
    JoinForm stripped() {
        code = strip(code);
        nickname = strip(nickname);
        return this;
    }

    /** Too long for a nickname, or with a control character in it. */
    boolean nicknameInvalid() {
        String n = strip(nickname);
        return !n.isEmpty()
                && (n.codePointCount(0, n.length()) > NICKNAME_MAX
                        || n.codePoints().anyMatch(Character::isISOControl));
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
