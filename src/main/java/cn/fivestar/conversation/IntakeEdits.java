package cn.fivestar.conversation;

import cn.fivestar.conversation.DialogState.Draft;
import cn.fivestar.conversation.DialogState.Step;
import java.util.List;
import java.util.regex.Pattern;

/** Corrections to the report under way: "地点改成…", 修改 after the summary, and the answers to "修改哪一项？". */
final class IntakeEdits {
  static final List<List<Button>> EDIT_BUTTONS = List.of(List.of(
      new Button(IntakeTexts.BUTTON_EDIT_WHAT, Intake.EDIT_WHAT), new Button(IntakeTexts.BUTTON_EDIT_WHERE, Intake.EDIT_WHERE),
      new Button(IntakeTexts.BUTTON_EDIT_PHONE, Intake.EDIT_PHONE)),
      List.of(new Button(IntakeTexts.BUTTON_CANCEL, Intake.CANCEL)));
  private static final Pattern EDIT_WORDS = Pattern.compile("^(?:不对|不正确|有误|错了|修改|改|更正|改一下|重新填|重填).*");

  private final Intake intake;

  IntakeEdits(Intake intake) {
    this.intake = intake;
  }

  /** "不对", "地点有误", "改一下" in answer to the summary. */
  static boolean wantsEdit(String answer) {
    return EDIT_WORDS.matcher(answer).matches() || answer.endsWith("不对") || answer.endsWith("有误");
  }

  /** "地点改成…", "电话换成…": applies the correction and shows the summary again. */
  void apply(Turn t, Cues.Edit edit) {
    t.handledAs = HandledAs.REPORT;
    Draft d = t.state.draft();
    switch (edit.field()) {
      case Cues.REPLACE_WORDS -> {
        if (d.location() != null && d.location().contains(edit.old())) {
          intake.summary(t, d.withLocation(d.location().replace(edit.old(), edit.value())));
        } else if (d.text() != null && d.text().contains(edit.old())) {
          String text = d.text().replace(edit.old(), edit.value());
          intake.summary(t, intake.describe(d.withText(text), text));
        } else if (Slots.location(edit.value()) != null) {
          intake.summary(t, d.withLocation(SlotFit.place(edit.value())));
        } else {
          intake.summary(t, intake.describe(d.withText(IntakeTexts.corrected(d.text(), edit.value())), edit.value()));
        }
      }
      case Cues.REPLACE_PART -> {
        // "不对 是4号楼" for "兴华南街9号院3号楼", "不对 是西门" for "幸福里小区东门": the same part, corrected;
        // else the place as said.
        String value = edit.value();
        // "不对不对 是路东" for "…路西边哩麦地里": the side of the same road.
        String place = d.location() == null ? null : value.matches("\\d.*")
            ? d.location().replaceFirst("\\d+(?=" + Pattern.quote(value.replaceAll("^\\d+", "")) + ")", value.replaceAll("\\D+$", ""))
            : value.matches(".[东南西北]")
            ? d.location().replaceFirst(Pattern.quote(value.substring(0, 1)) + "[东南西北]", value)
            : d.location().replaceFirst("[东南西北前后正侧](?=" + Pattern.quote(value.substring(1)) + ")", value.substring(0, 1));
        intake.summary(t, d.withLocation(place != null && !place.equals(d.location()) ? place : value));
      }
      case Cues.REPLACE_UNIT -> {
        // "俺村是孙营村" for "西华县 东夏亭镇 孙庄村 东头": the village (street, estate) of the same kind, replaced.
        String value = edit.value();
        String kind = value.replaceFirst("^.*?(社区|小区|街道|村|庄|屯|寨|镇|乡)$", "$1");
        String place = d.location() == null ? null
            : d.location().replaceFirst("(?<=^|[\\s县区市镇乡道])\\p{IsHan}{1,4}?" + Pattern.quote(kind) + "(?=\\s|$|[东南西北])", value);
        intake.summary(t, d.withLocation(place != null && !place.equals(d.location()) ? place : value));
      }
      case Intake.EDIT_WHERE -> intake.summary(t, d.withLocation(SlotFit.place(edit.value())));
      case Intake.EDIT_PHONE -> {
        String phone = Slots.phone(edit.value());
        if (phone == null) {
          t.state = t.state.withDraft(Step.EDIT_PHONE, d);
          t.say(IntakeTexts.BAD_PHONE);
        } else {
          // The wrong number must not live on inside the description either.
          Draft fixed = d.phone() != null && d.text() != null && d.text().contains(d.phone())
              ? d.withText(d.text().replace(d.phone(), phone)) : d;
          intake.summary(t, fixed.withPhone(phone));
        }
      }
      default -> intake.summary(t, intake.describe(d.withText(edit.value()), edit.value()));
    }
  }

  /** 修改 with or without the field named: asks for that field, or which one. */
  void start(Turn t, Draft d, String answer) {
    String field = field(answer);
    if (field != null) {
      edit(t, d, field);
    } else {
      askWhich(t, d);
    }
  }

  void askWhich(Turn t, Draft d) {
    t.state = t.state.withDraft(Step.EDIT_CHOICE, d);
    t.say(IntakeTexts.WHICH_FIELD, EDIT_BUTTONS);
  }

  private static String field(String a) {
    if (a.matches(".*(地点|位置|地址|地方).*")) return Intake.EDIT_WHERE;
    if (a.matches(".*(电话|手机|号码|联系方式).*")) return Intake.EDIT_PHONE;
    if (a.matches(".*(事项|内容|问题|描述|情况).*")) return Intake.EDIT_WHAT;
    return null;
  }

  /** The answer to "修改哪一项？" in words. */
  void choice(Turn t, Draft d, String text) {
    String field = field(MessageText.answer(text));
    if (field == null) {
      t.say(IntakeTexts.CHOOSE_FIELD, EDIT_BUTTONS);
    } else {
      edit(t, d, field);
    }
  }

  /** Asks for the new value of a field (a button "edit:…" or a field named in words). */
  void edit(Turn t, Draft d, String field) {
    switch (field) {
      case Intake.EDIT_WHAT -> {
        t.state = t.state.withDraft(Step.EDIT_WHAT, d);
        t.say(IntakeTexts.REDESCRIBE);
      }
      case Intake.EDIT_WHERE -> {
        t.state = t.state.withDraft(Step.EDIT_WHERE, d);
        t.say(IntakeTexts.NEW_PLACE);
      }
      default -> {
        t.state = t.state.withDraft(Step.EDIT_PHONE, d);
        t.say(IntakeTexts.NEW_PHONE);
      }
    }
  }

  /** The new value, in the step that asked for it. */
  void answer(Turn t, Draft d, String text) {
    switch (t.state.step()) {
      case EDIT_WHAT -> {
        if (!MessageText.hasWords(text) || Slots.contentFree(text)) {
          t.say(IntakeTexts.REDESCRIBE_ONE_LINE);
        } else {
          intake.summary(t, intake.describe(d.withText(text), text));
        }
      }
      case EDIT_WHERE -> {
        if (!MessageText.hasWords(text)) {
          t.say(IntakeTexts.NEW_PLACE_EXAMPLE);
        } else {
          intake.summary(t, d.withLocation(SlotFit.place(text)));
        }
      }
      default -> {
        String phone = Slots.phone(text);
        if (phone != null) {
          intake.summary(t, d.withPhone(phone));
        } else if (MessageText.isSkip(text) || MessageText.isNo(text)) {
          intake.summary(t, d.withPhone(null));
        } else {
          t.say(IntakeTexts.BAD_PHONE);
        }
      }
    }
  }
}
