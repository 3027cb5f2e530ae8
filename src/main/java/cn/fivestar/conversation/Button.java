package cn.fivestar.conversation;

/** An inline button: what the person sees and the data sent back when pressed. */
public record Button(String label, String data) {}
