package cn.fivestar.answer;

/** A passage an answer relies on: source file name, document title, the passage text. */
public record Citation(String source, String title, String text) {}
