package cn.fivestar.conversation;

import cn.fivestar.infra.PersonalData;
import cn.fivestar.cases.CaseEvent;
import cn.fivestar.cases.CaseListener;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.Recipient;
import cn.fivestar.conversation.DialogState.Step;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns committed case changes into messages: staff replies, progress, closings (with a rating request) and merges
 * reach the residents concerned; a new case reaches the staff with a 接办 button. The engine listens with one; so
 * do the command-line case tools, whose messages wait in the outbox until the resident's channel delivers them.
 */
public final class CaseNotices implements CaseListener {
  private static final Logger log = LoggerFactory.getLogger(CaseNotices.class);

  private final DialogStore store;
  private final Notifier notifier;
  private final ChatLocks locks;

  public CaseNotices(DialogStore store, Notifier notifier) {
    this(store, notifier, new ChatLocks());
  }

  CaseNotices(DialogStore store, Notifier notifier, ChatLocks locks) {
    this.store = store;
    this.notifier = notifier;
    this.locks = locks;
  }

  @Override
  public void onCaseEvent(CaseEvent e) {
    CaseRecord r = e.record();
    switch (e.type()) {
      case CREATED -> notifier.toStaff(Outbound.withButtons((r.kind() == CaseKind.URGENT ? "【紧急】请立即处置！" : "")
          + "新诉求 " + r.id() + "｜" + r.category() + "｜"
          + (r.location() == null ? "未注明地点" : PersonalData.mask(r.location())) + "｜" + PersonalData.mask(r.summary())
          + "\n点“接办”或发送 /take " + r.id() + " 接办，/show " + r.id() + " 查看详情。",
          List.of(List.of(Commands.takeButton(r.id())))));
      case REOPENED -> {
        notifier.toStaff(Outbound.text("【重办】" + r.id() + "｜" + r.category() + "｜" + PersonalData.mask(e.text())
            + "\n已重新交办，预计 " + CaseViews.day(r.dueAt()) + " 前办结（/show " + r.id() + " 查看）。"));
        for (Recipient p : e.recipients()) {
          if (!p.reporter()) send(p, Outbound.text("您关注的问题（编号 " + r.id() + "）有居民反映还没有解决，已重新交办。"));
        }
      }
      case REPLIED -> tell(e.recipients(), "您反映的问题（编号 " + r.id() + "）有了答复：\n" + e.text());
      case MERGED -> tell(e.recipients(), "您反映的问题（编号 " + r.id() + "）与编号 " + r.mergedInto()
          + " 是同一件事，已合并办理，后续进展会一并通知您。发送 " + r.mergedInto() + " 可以查看。");
      case STATUS_CHANGED -> {
        if (e.to() == CaseStatus.IN_PROGRESS && e.from() != CaseStatus.ANSWERED) {
          tell(e.recipients(), "您反映的问题（编号 " + r.id() + "）工作人员已经在办理了，预计 " + CaseViews.day(r.dueAt())
              + " 前办结。");
        } else if (e.to() == CaseStatus.IN_PROGRESS) {
          tell(e.recipients(), "您反映的问题（编号 " + r.id() + "）工作人员正在继续办理。");
        } else if (e.to() == CaseStatus.CLOSED) {
          closed(e.recipients(), r);
        }
      }
    }
  }

  private void tell(List<Recipient> recipients, String text) {
    for (Recipient p : recipients) send(p, Outbound.text(text));
  }

  private void closed(List<Recipient> recipients, CaseRecord r) {
    String result = r.lastReply() == null ? "" : "\n处理结果：" + r.lastReply().text();
    for (Recipient p : recipients) {
      if (!p.reporter() || r.rating() != null) {
        send(p, Outbound.text("您关注的问题（编号 " + r.id() + "）已办结。" + result));
        continue;
      }
      askRating(p, r.id());
      send(p, Outbound.withButtons("您反映的问题（编号 " + r.id() + "）已办结。" + result
          + "\n请您为这次处理结果打个分（5 分最满意）：", Ratings.buttons(r.id())));
    }
  }

  /** Puts the reporter's chat into "waiting for a score" unless they are in the middle of something. */
  private void askRating(Recipient p, String caseId) {
    try {
      synchronized (locks.of(p.channel(), p.chatId(), p.userId())) {
        DialogState s = store.load(p.channel(), p.chatId(), p.userId());
        if (s.step() == Step.IDLE || s.step() == Step.OFFER_LOG || s.step() == Step.RATE_SCORE || s.step() == Step.RATE_COMMENT) {
          store.save(p.channel(), p.chatId(), p.userId(), s.rating(Step.RATE_SCORE, caseId, null));
        }
      }
    } catch (RuntimeException ex) {
      log.warn("cannot set rating state for case {}: {}", caseId, ex.toString());
    }
  }

  private void send(Recipient p, Outbound message) {
    try {
      notifier.toChat(p.channel(), p.chatId(), message);
    } catch (RuntimeException ex) {
      log.warn("cannot notify {}:{}: {}", p.channel(), PersonalData.mask(p.chatId()), ex.toString());
    }
  }
}
