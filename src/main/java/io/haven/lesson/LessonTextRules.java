package io.haven.lesson;

import io.haven.web.Band;
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

    private static final List<String> SEXUAL =
            List.of("sexual", "nude", "성적", "누드", "나체", "sexuel", "sexuelle", "\\bnue?s?\\b", "nudité");
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

    private LessonTextRules() {}

    // --- rules A1-A3 of content/README.md, for lessons and teacher's guides ---

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** A1: Korea's possession and viewing offence has no knowledge condition. */
    static final Pattern KNOWINGLY =
            Pattern.compile("knowingly|알면서|알고도|sciemment|en connaissance de cause|en sachant", CI);

    static final Pattern KOREA = Pattern.compile("korea|한국|대한민국|corée|coréen", CI);
    /** Sentences and list items: the unit in which "knowingly" and Korea must not meet. */
    private static final Pattern SENTENCE_OR_LINE = Pattern.compile("(?<=[.!?。])\\s+|\\n");

    /** A2: digits that look like a phone number; digit groups joined by a space, dot or dash are one number. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d\\w])\\d+(?:[ .\\-]\\d+)*", CI);

    private static final Pattern HASH_NUMBER = Pattern.compile("#\\s?\\d");
    private static final Pattern CALL_NUMBER = Pattern.compile(
            "(?:call|dial|phone|text|ring|appelle|appelez|appeler|compose"
                    + "|composez|composer|전화|문자|신고)\\W+(?:\\w+\\W+){0,2}?\\d{1,2}(?!\\d)",
            CI);
    /** A statute reference just before a number ("art. 227-23", "제14조의2", "s. 66B") is not a phone number. */
    private static final Pattern STATUTE_BEFORE = Pattern.compile(
            "(?:\\barticles?|\\bart\\.|\\bsections?|\\bs\\.|\\bss\\." + "|제|§|\\bL\\.?|\\bR\\.?)\\s*$", CI);

    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)|https?://\\S+");

    /** A1: the first sentence or list item that has "knowingly" (in any language) and mentions Korea. */
    static Optional<Problem> knowinglyNearKorea(List<Piece> pieces) {
        for (Piece p : pieces) {
            int from = 0;
            Matcher br = SENTENCE_OR_LINE.matcher(p.text());
            while (from <= p.text().length()) {
                int to = br.find() ? br.start() : p.text().length();
                String sentence = p.text().substring(from, to);
                Matcher k = KNOWINGLY.matcher(sentence);
                if (k.find() && KOREA.matcher(sentence).find()) {
                    return Optional.of(new Problem(
                            p.line() + lineOf(p.text(), from) - 1,
                            "'" + k.group()
                                    + "' in a sentence about Korea: Korea's possession and viewing offence has no 'knowingly' (rule A1): '"
                                    + abbreviate(sentence.strip()) + "'"));
                }
                if (to == p.text().length()) {
                    break;
                }
                from = br.end();
            }
        }
        return Optional.empty();
    }

    /** A2: the first phone number, service number or "call 17" in the texts. */
    static Optional<Problem> phoneNumber(List<Piece> pieces) {
        for (Piece p : pieces) {
            String text = blank(p.text(), LINK_TARGET);
            Matcher n = NUMBER.matcher(text);
            while (n.find()) {
                String token = n.group();
                String[] groups = token.split("[ .\\-]");
                int digits = token.replaceAll("\\D", "").length();
                boolean years = java.util.Arrays.stream(groups)
                        .allMatch(g -> g.length() == 4 && Integer.parseInt(g) >= 1900 && Integer.parseInt(g) <= 2099);
                boolean statute = STATUTE_BEFORE
                        .matcher(text.substring(Math.max(0, n.start() - 14), n.start()))
                        .find();
                boolean longGroup = java.util.Arrays.stream(groups).anyMatch(g -> g.length() >= 3);
                if (!years && !statute && digits >= 3 && (longGroup || groups.length >= 3)) {
                    return Optional.of(phone(p, text, n.start(), token));
                }
            }
            for (Pattern other : List.of(HASH_NUMBER, CALL_NUMBER)) {
                Matcher m = other.matcher(text);
                if (m.find()) {
                    return Optional.of(phone(p, text, m.start(), m.group()));
                }
            }
        }
        return Optional.empty();
    }

    private static Problem phone(Piece p, String text, int at, String found) {
        return new Problem(
                p.line() + lineOf(text, at) - 1,
                "'" + found + "' looks like a phone number (rule A2): name the "
                        + "service in words and link to /help, which shows the numbers for the reader's country");
    }

    /** A3: the first glossary 'avoid' string in the texts. */
    static Optional<Problem> glossary(List<Piece> pieces, List<Glossary.Term> terms) {
        for (Piece p : pieces) {
            String lower = p.text().toLowerCase(java.util.Locale.ROOT);
            for (Glossary.Term t : terms) {
                for (String avoid : t.avoid()) {
                    int at = lower.indexOf(avoid.toLowerCase(java.util.Locale.ROOT));
                    if (at >= 0) {
                        return Optional.of(new Problem(
                                p.line() + lineOf(p.text(), at) - 1,
                                "'" + avoid + "': the glossary's term for " + t.idea() + " is '" + t.use()
                                        + "' (rule A3)"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A4: per language, how many quiz items with 3 or more choices have their correct choice strictly the
     * longest (in characters), and how many such items there are.
     */
    static Map<Language, int[]> quizLengthCue(List<LessonModule> modules) {
        Map<Language, int[]> cue = new java.util.EnumMap<>(Language.class);
        for (LessonModule m : modules) {
            for (Map<Language, Lesson> byLanguage : m.lessons().values()) {
                for (Lesson l : byLanguage.values()) {
                    for (QuizQuestion q : l.quiz()) {
                        if (q.choices().size() < 3) {
                            continue;
                        }
                        int right = q.choices().get(q.answer()).length();
                        boolean longest = java.util.stream.IntStream.range(
                                        0, q.choices().size())
                                .filter(i -> i != q.answer())
                                .allMatch(i -> q.choices().get(i).length() < right);
                        int[] c = cue.computeIfAbsent(l.language(), k -> new int[2]);
                        c[0] += longest ? 1 : 0;
                        c[1]++;
                    }
                }
            }
        }
        return cue;
    }

    /** The languages where the correct choice is the longest in more than a third of the items (rule A4). */
    static List<String> quizLengthCueProblems(Map<Language, int[]> cue) {
        return cue.entrySet().stream()
                .filter(e -> e.getValue()[0] * 3 > e.getValue()[1])
                .map(e -> e.getKey().code + ": the correct choice is strictly the longest in " + e.getValue()[0]
                        + " of " + e.getValue()[1]
                        + " quiz items with 3 or more choices; at most a third may be (rule A4)")
                .toList();
    }

    /** The text with every match replaced by spaces, so that offsets and line numbers stay right. */
    private static String blank(String text, Pattern p) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    /** A text of a content file (a front matter value or the body) and the line it starts on. */
    record Piece(String text, int line) {}

    /** A rule broken at a line of a file. */
    record Problem(int line, String message) {}

    /** The first problem in a lesson's text, with its line number inside {@code text}. */
    static Optional<String[]> check(String text, Band band, Language language) {
        Matcher m = PENALTY.matcher(text);
        if (m.find()) {
            return Optional.of(new String[] {
                String.valueOf(lineOf(text, m.start())),
                "penalty figure '" + m.group() + "': penalties belong in content/law, not in a lesson"
            });
        }
        for (Pattern p : BANNED.getOrDefault(band, List.of())) {
            Matcher b = p.matcher(text);
            if (b.find()) {
                return Optional.of(new String[] {
                    String.valueOf(lineOf(text, b.start())),
                    "the word '" + b.group() + "' is not used in band " + band.id
                });
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
                return Optional.of(new String[] {
                    String.valueOf(bodyFirstLine + lineOf(prose, Math.max(at, 0)) - 1),
                    "sentence of " + words + " words; band " + band.id + " allows " + max.get() + ": '"
                            + abbreviate(sentence.strip()) + "'"
                });
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
        return words.stream()
                .map(w -> Pattern.compile(w, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }
}
