package cn.fivestar.conversation.intent;

/**
 * The classifier's verdict on one message. {@code category} is set for reports only (a taxonomy category);
 * {@code confidence} is the model's probability of the chosen intent (1.0 when a rule decided).
 */
public record Classification(Intent intent, String category, double confidence) {}
