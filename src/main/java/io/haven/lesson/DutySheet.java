package io.haven.lesson;

import java.io.Serializable;
import java.util.List;

/** The duties of one jurisdiction, in file order. */
public record DutySheet(String jurisdiction, List<Duty> duties) implements Serializable {}
