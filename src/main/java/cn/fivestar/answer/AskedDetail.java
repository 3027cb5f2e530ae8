package cn.fivestar.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one detail a question may ask for that the documents may simply not hold: a figure (多少), a holder's name
 * (书记叫啥名字), a date (哪一天), a duration or price (学多长时间, 要交钱不), a number to call (该打哪个电话), opening
 * hours (周末几点开门), a document (哪个文件). The sentence that answers such a question gives the detail; without it the documents
 * mention the subject, not the detail.
 */
final class AskedDetail {
  /** "百花社区党委书记叫什么名字": the place whose role holder is asked for. */
  private static final Pattern PLACE_BEFORE_ROLE = Pattern.compile("(\\p{IsHan}{2,8}?)(?:街道|社区|村)");

  /** "哪个文件开始搞的", "印发了什么通知": a document, which the text names in 《》. */
  private static final Pattern ASKS_DOCUMENT = Pattern.compile("(?:哪个|哪份|哪一份|什么|啥)(?:红头)?(?:文件|通知|政策文件)");

  private AskedDetail() {}

  /** Whether the question asks for such a detail. */
  static boolean asked(String q) {
    return Quantities.asked(q) || AskedThing.asksName(q) || Procedures.asksDate(q) || Procedures.asksDurationOrPrice(q)
        || Procedures.asksPhone(q) || Procedures.asksHours(q) || Procedures.asksVenue(q) || ASKS_DOCUMENT.matcher(q).find();
  }

  /** Whether the text gives every detail the question asks for (true when it asks for none). */
  static boolean given(String q, String text) {
    return (!Quantities.asked(q) || Quantities.answered(q, text))
        && (!AskedThing.asksName(q) || AskedThing.namesHolderByName(text, AskedThing.askedRole(q), q) && ofPlaceAsked(q, text))
        && (!Procedures.asksDate(q) || Procedures.givesDate(q, text))
        && (!Procedures.asksDurationOrPrice(q) || Procedures.givesDurationOrPrice(q, text))
        && (!Procedures.asksPhone(q) || Procedures.givesPhone(text))
        && (!Procedures.asksHours(q) || Procedures.givesTime(text))
        && (!Procedures.asksVenue(q) || Procedures.givesVenue(text))
        && (!ASKS_DOCUMENT.matcher(q).find() || text.contains("《"));
  }

  /** A holder's name answers only for the place asked about: 省五建社区's 党委书记 is not 百花社区's. */
  private static boolean ofPlaceAsked(String q, String text) {
    String role = AskedThing.askedRole(q);
    int at = role == null ? -1 : q.indexOf(role);
    Matcher m = PLACE_BEFORE_ROLE.matcher(at < 0 ? "" : q.substring(0, at));
    return !m.lookingAt() || text.contains(m.group(1));
  }
}
