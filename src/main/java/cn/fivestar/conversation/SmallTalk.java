package cn.fivestar.conversation;

/** Greetings, thanks, goodbyes and acknowledgements: short and friendly, never mistaken for a request. */
final class SmallTalk {
  private SmallTalk() {}

  static void reply(Turn t) {
    t.handledAs = HandledAs.CHITCHAT;
    String text = t.text;
    String a = MessageText.answer(text);
    if (!MessageText.hasWords(text)) {
      t.say(Texts.GOT_IT);
    } else if (text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      t.say(a.matches("(hi|hello|hey|ok|okay|thanks|thankyou)") ? Texts.GREETING : Texts.NOT_UNDERSTOOD);
    } else if (Cues.scolds(text)) {
      t.say(Texts.SORRY_NOT_HELPFUL);
    } else if (Cues.asksIfHuman(text)) {
      t.say(Texts.ABOUT_ME);
    } else if (Cues.aboutTheBot(text)) {
      t.say(Texts.help(t.role()));
    } else if (Cues.dropsReport(text)) {
      t.say(Texts.NOTHING_TO_CANCEL);
    } else if (Cues.sentByMistake(text)) {
      t.say(Texts.OK_ANYTHING_ELSE);
    } else if (Cues.waits(text)) {
      t.say(Texts.WILL_NOTIFY);
    } else if (a.matches(".*(谢|感谢|辛苦|点赞|点个赞|好评|真棒|真不错|挺好用|好用).*") || Cues.praisesBot(text)) {
      t.say(Texts.THANKS);
    } else if (a.matches(".*(再见|拜拜|晚安|回头见|先走了).*") || Cues.saysBye(text)) {
      t.say(Texts.BYE);
    } else if (a.matches(".*(你好|您好|在吗|在不在|有人吗|哈喽|早上好|中午好|下午好|晚上好|嗨|喂|大家好|早啊|吃了没|吃了吗).*")
        || Cues.greets(text)) {
      t.say(Texts.GREETING_BACK);
    } else if (t.state.lastCase() != null && (MessageText.isYes(text) || MessageText.isSkip(text)
        || a.matches("(好|好的|好嘞|行|中|嗯+|哦+|知道了|明白了|收到|懂了)|(电话)?(就)?(不留|不用留|不留了|不用了|不需要)(电话)?(了)?"))) {
      // "确认" or "不留电话" right after registering: the case exists, nothing new to file.
      t.handledAs = HandledAs.REPORT;
      t.say(String.format(Texts.ALREADY_REGISTERED, t.state.lastCase()));
    } else if (MessageText.isYes(text) || MessageText.isNo(text) || Cues.acknowledges(text)
        || a.matches("(好|好的|好嘞|行|嗯+|哦+|知道了|明白了|收到|懂了)")) {
      t.say(Texts.OK_ANYTHING_ELSE);
    } else {
      t.say(Texts.NOT_MY_FIELD);
    }
  }

  /** Thanks, greetings, goodbyes and bare acknowledgements: never the answer to "where?" or "what happened?". */
  static boolean isPleasantry(String text) {
    String a = MessageText.answer(text);
    return MessageText.length(a) <= 8 && a.matches(
        "(?:好的|好嘞|中|行|嗯+|哦+|噢+|收到|知道了|明白了)?(?:谢谢|谢了|多谢|感谢|辛苦了?|再见|拜拜|你好|您好|在吗|在不在|有人吗|哈喽|早上好|中午好|下午好|晚上好|早)?(?:啊|呀|哈|啦|了|你|您|你们|恁|小助手|助手)*"
            // "早啊 小助手 吃了没": a greeting asked as a question.
            + "(?:吃了没|吃了吗|吃饭了没|吃饭了吗)?")
        && !a.isEmpty() && !MessageText.isYes(text) && !MessageText.isNo(text);
  }

  /** "取消" with nothing under way. */
  static void nothingToCancel(Turn t) {
    t.handledAs = HandledAs.CHITCHAT;
    t.say(Texts.NOTHING_TO_CANCEL);
  }
}
