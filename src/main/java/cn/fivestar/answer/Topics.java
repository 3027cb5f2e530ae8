package cn.fivestar.answer;

import java.util.function.Predicate;

/**
 * What the answerer knows about a question's subject beyond the documents' words. Term coverage alone cannot
 * tell "家里老人白天没人照看" (residents' words, the documents say 日间照料中心) from "感冒发烧吃什么药"; a
 * model of what residents ask a community about can.
 *
 * @param communityMatter clearly about community or village life: answered from related practices even with
 *     little word overlap
 * @param offTopic clearly an everyday matter no community handles (recipes, medicine, shares): refused even when
 *     a few of its words occur in the documents
 */
public record Topics(Predicate<String> communityMatter, Predicate<String> offTopic) {
  /** No judgement: coverage alone decides. */
  public static final Topics NONE = new Topics(q -> false, q -> false);
}
