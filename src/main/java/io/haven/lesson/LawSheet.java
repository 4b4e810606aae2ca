package io.haven.lesson;

import java.io.Serializable;
import java.util.List;

/** The legal facts of one jurisdiction. */
public record LawSheet(String jurisdiction, Localized name, Localized summary, List<LawFact> facts)
        implements Serializable {}
