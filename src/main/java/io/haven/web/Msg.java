package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The text every page shares (layout, navigation, errors, forms), as {@code msg:} in templates; each feature
 * owns its own bundle. The texts live in messages/msg_en.properties, msg_ko.properties and msg_fr.properties;
 * a test checks that every key is in all three.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String common_site_name();

    @Message
    String common_skip_link();

    @Message
    String common_quick_exit();

    @Message
    String common_quick_exit_hint();

    @Message
    String common_quick_exit_note();

    @Message
    String common_nav_label();

    @Message
    String common_nav_lessons();

    @Message
    String common_nav_law();

    @Message
    String common_nav_help();

    @Message
    String common_nav_report();

    @Message
    String common_language_label();

    @Message
    String common_language_en();

    @Message
    String common_language_ko();

    @Message
    String common_language_fr();

    @Message
    String common_band_label();

    @Message
    String common_band_5_7();

    @Message
    String common_band_8_10();

    @Message
    String common_band_11_13();

    @Message
    String common_band_14_18();

    @Message
    String common_footer_about();

    @Message
    String common_footer_staff();

    @Message
    String form_error_summary_title();

    @Message
    String form_csrf_expired();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_body();

    @Message
    String error_home_link();

    @Message
    String error_status_title();

    @Message
    String error_status_body(int status);

    @Message
    String error_server_title();

    @Message
    String error_server_body();

    @Message
    String error_server_id();

    @Message
    String form_error_prefix();

    @Message
    String common_staff_home();

    @Message
    String case_flash_status();

    @Message
    String case_flash_assigned();

    @Message
    String case_flash_note();

    @Message
    String case_flash_message();

    @Message
    String case_flash_about();

    @Message
    String common_staff_signed_in(String name);

    @Message
    String routing_flash_added();

    @Message
    String routing_flash_deleted();

    @Message
    String common_footer_emergency(String name);

    @Message
    String common_footer_follow_up();

    @Message
    String form_control_characters();
}
