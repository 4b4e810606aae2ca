package io.haven.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Statistics for administrators and districts. Templates use it as {stats:key}; texts in messages/stats_{en,ko,fr}.properties. */
@MessageBundle(value = "stats", locale = "en")
public interface StatsMsg {

    @Message
    String stats_title();

    @Message
    String stats_intro(String school);

    @Message
    String stats_school();

    @Message
    String stats_period();

    @Message
    String stats_period_months(Integer count);

    @Message
    String stats_show();

    @Message
    String stats_period_range(String first, String last, String zone);

    @Message
    String stats_suppression_rule();

    @Message
    String stats_district_title();

    @Message
    String stats_district_intro();

    @Message
    String stats_district_range(String first, String last);

    @Message
    String stats_all_schools();

    @Message
    String stats_per_month_title();

    @Message
    String stats_chart_label();

    @Message
    String stats_chart_hint();

    @Message
    String stats_per_month_caption();

    @Message
    String stats_col_month();

    @Message
    String stats_col_total();

    @Message
    String stats_times_title();

    @Message
    String stats_col_category();

    @Message
    String stats_col_acknowledge();

    @Message
    String stats_col_close();

    @Message
    String stats_all_categories();

    @Message
    String stats_not_enough();

    @Message
    String stats_outcomes_title();

    @Message
    String stats_col_outcome();

    @Message
    String stats_col_cases();

    @Message
    String stats_closed_total();

    @Message
    String stats_misuse_label();

    @Message
    String stats_misuse_hint();

    @Message
    String stats_fewer_than_5();

    @Message
    String stats_withheld();

    @Message
    String stats_error_period();

    @Message
    String stats_month_pattern();

    @Message
    String stats_minutes(long count);

    @Message
    String stats_hours(long count);

    @Message
    String stats_days(long count);

    @Message
    String stats_district_link();

    @Message
    String stats_error_school();

    @Message
    String stats_as_of(String time, String zone);

    @Message
    String stats_fresh_for(Integer minutes);
}
