package io.haven.report;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a report is about. Each has its own wording on the form and default deadlines: when staff
 * should have read it (acknowledge-by) and when it is next looked at again (review-by).
 */
public enum Category {
    INTIMATE_IMAGE("intimate-image", Duration.ofHours(24), Duration.ofDays(3), true),
    SEXTORTION("sextortion", Duration.ofHours(24), Duration.ofDays(3), true),
    BULLYING("bullying", Duration.ofHours(48), Duration.ofDays(7), false),
    ADULT_CONCERN("adult-concern", Duration.ofHours(24), Duration.ofDays(3), false),
    OTHER("other", Duration.ofHours(72), Duration.ofDays(7), false);

    public final String id;
    public final Duration acknowledgeWithin;
    public final Duration reviewWithin;
    /** Intimate images and sextortion: evidence-handling guidance for staff, no uploads ever. */
    public final boolean intimateImage;

    Category(String id, Duration acknowledgeWithin, Duration reviewWithin, boolean intimateImage) {
        this.id = id;
        this.acknowledgeWithin = acknowledgeWithin;
        this.reviewWithin = reviewWithin;
        this.intimateImage = intimateImage;
    }

    public String getId() {
        return id;
    }

    /** The key suffix used in messages: intimate_image, sextortion, ... */
    public String getKey() {
        return id.replace('-', '_');
    }

    public String getLabelKey() {
        return "report_category_" + getKey();
    }

    /** A short label for staff tables and exports (workspace bundle), not the children's sentence. */
    public String getStaffKey() {
        return "staff_category_" + getKey();
    }

    public String getHintKey() {
        return "report_category_" + getKey() + "_hint";
    }

    public String getAdviceKey() {
        return "report_advice_" + getKey();
    }

    public static Optional<Category> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
