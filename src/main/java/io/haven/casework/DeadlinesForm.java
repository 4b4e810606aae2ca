package io.haven.casework;

import io.haven.report.Category;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The deadlines page's form: per category the hours to acknowledge and to review (fields
 * {@code ack_<category>} and {@code review_<category>}), the escalation interval and the retention days.
 * Values are kept as typed (stripped); {@link DeadlinesResource} checks them.
 */
public class DeadlinesForm {

    @RestForm
    public String school;

    @RestForm("ack_intimate_image")
    public String ackIntimateImage;

    @RestForm("review_intimate_image")
    public String reviewIntimateImage;

    @RestForm("ack_sextortion")
    public String ackSextortion;

    @RestForm("review_sextortion")
    public String reviewSextortion;

    @RestForm("ack_bullying")
    public String ackBullying;

    @RestForm("review_bullying")
    public String reviewBullying;

    @RestForm("ack_adult_concern")
    public String ackAdultConcern;

    @RestForm("review_adult_concern")
    public String reviewAdultConcern;

    @RestForm("ack_other")
    public String ackOther;

    @RestForm("review_other")
    public String reviewOther;

    @RestForm
    public String interval;

    @RestForm
    public String retention;

    /** The school asked for; null when absent or garbled (then the first the member administers). */
    Long schoolId() {
        return io.haven.web.FormValues.number(school).orElse(null);
    }

    /** One line per category, in the page's order, with the values as typed. */
    List<DeadlinesResource.Row> rows() {
        return Arrays.stream(Category.values())
                .map(c -> new DeadlinesResource.Row(c, value(ack(c)), value(review(c))))
                .toList();
    }

    String intervalText() {
        return value(interval);
    }

    String retentionText() {
        return value(retention);
    }

    private String ack(Category c) {
        return switch (c) {
            case INTIMATE_IMAGE -> ackIntimateImage;
            case SEXTORTION -> ackSextortion;
            case BULLYING -> ackBullying;
            case ADULT_CONCERN -> ackAdultConcern;
            case OTHER -> ackOther;
        };
    }

    private String review(Category c) {
        return switch (c) {
            case INTIMATE_IMAGE -> reviewIntimateImage;
            case SEXTORTION -> reviewSextortion;
            case BULLYING -> reviewBullying;
            case ADULT_CONCERN -> reviewAdultConcern;
            case OTHER -> reviewOther;
        };
    }

    private static String value(String v) {
        return Optional.ofNullable(v).orElse("").strip();
    }
}
