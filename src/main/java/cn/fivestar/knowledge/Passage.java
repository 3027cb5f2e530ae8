package cn.fivestar.knowledge;

/**
 * A retrievable unit: a few whole sentences of one section, with the document title and section heading kept
 * for context and citation. {@code position} is the passage's ordinal within its source file.
 */
public record Passage(
    String source, String title, String heading, String text, int position, String star, String kind, String place) {}
