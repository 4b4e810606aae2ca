package io.haven.lesson;

import io.haven.web.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lesson's words must respect beyond its structure (CONTENT.md sections 1 and 5): no penalty
 * figures (they come from content/law), no sexual vocabulary for young bands, short sentences for
 * young readers.
 */
final class LessonTextRules {

    /** A number followed by a unit of time, or an amount of money. */
    static final Pattern PENALTY = Pattern.compile(
            "\\d[\\d,.]*\\s*(years?|months?|년|개월|ans?\\b|mois\\b)|\\b(KRW|EUR|USD|AUD|GBP)\\b|[€$£]|\\d\\s*(만\\s*)?원",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final List<String> SEXUAL = List.of("sexual", "nude", "성적", "누드", "나체", "sexuel", "sexuelle",
            "\\bnue?s?\\b", "nudité");
    private static final List<String> DEEPFAKE = List.of("deepfake", "딥페이크", "hypertrucage");

    /** Band to the words it must not contain. */
    static final Map<Band, List<Pattern>> BANNED = Map.of(
            Band.AGES_5_7, compile(concat(SEXUAL, DEEPFAKE)),
            Band.AGES_8_10, compile(SEXUAL));

    /** Longest sentence allowed in a young band's body, in words (Korean counts space-separated units). */
    static Optional<Integer> maxSentenceWords(Band band, Language language) {
        boolean ko = language == Language.KO;
        return switch (band) {
            case AGES_5_7 -> Optional.of(ko ? 10 : 14);
            case AGES_8_10 -> Optional.of(ko ? 13 : 18);
            default -> Optional.empty();
        };
    }

    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?。])\\s+|\\n\\s*\\n|\\n[-*] ");

    private LessonTextRules() {
    }

    /** A text of a content file (a front matter value or the body) and the line it starts on. */
    record Piece(String text, int line) {
    }

    /** A rule broken at a line of a file. */
    record Problem(int line, String message) {
    }

    /** The first problem in a lesson's text, with its line number inside {@code text}. */
    static Optional<String[]> check(String text, Band band, Language language) {
        Matcher m = PENALTY.matcher(text);
        if (m.find()) {
            return Optional.of(new String[] { String.valueOf(lineOf(text, m.start())),
                    "penalty figure '" + m.group() + "': penalties belong in content/law, not in a lesson" });
        }
        for (Pattern p : BANNED.getOrDefault(band, List.of())) {
            Matcher b = p.matcher(text);
            if (b.find()) {
                return Optional.of(new String[] { String.valueOf(lineOf(text, b.start())),
                        "the word '" + b.group() + "' is not used in band " + band.id });
            }
        }
        return Optional.empty();
    }

    /** The first sentence of the body longer than the band allows. */
    static Optional<String[]> checkSentences(String body, int bodyFirstLine, Band band, Language language) {
        Optional<Integer> max = maxSentenceWords(band, language);
        if (max.isEmpty()) {
            return Optional.empty();
        }
        String prose = body.replaceAll("(?m)^#.*$", "");
        int from = 0;
        for (String sentence : SENTENCE_BREAK.split(prose)) {
            int words = sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
            int at = prose.indexOf(sentence, from);
            from = Math.max(from, at);
            if (words > max.get()) {
                return Optional.of(new String[] { String.valueOf(bodyFirstLine + lineOf(prose, Math.max(at, 0)) - 1),
                        "sentence of " + words + " words; band " + band.id + " allows " + max.get() + ": '"
                                + abbreviate(sentence.strip()) + "'" });
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<Pattern> compile(List<String> words) {
        return words.stream().map(w -> Pattern.compile(w, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }
}
