package io.haven.lesson;

import java.util.List;

/** Where to get help in one jurisdiction; the emergency number always comes first. */
public record HelpDirectory(String jurisdiction, String emergencyNumber, Localized emergencyName,
        List<HelpEntry> entries) {
}
