package dev.beacon.desktop.client;

import java.util.List;

/** One page of questions and how many there are in all. */
public record QuestionPage(List<Question> questions, long total) {}
