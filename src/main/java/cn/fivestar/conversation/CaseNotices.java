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
      case CREATED -> notifier.toStaff(Outbound.withButtons(StaffTexts.newCase(r.kind() == CaseKind.URGENT, r.id(),
          r.category(), r.location() == null ? null : PersonalData.mask(r.location()), PersonalData.mask(r.summary())),
          List.of(List.of(Commands.takeButton(r.id())))));
      case REOPENED -> {
        notifier.toStaff(Outbound.text(StaffTexts.reopenedToStaff(r.id(), r.category(), PersonalData.mask(e.text()),
            CaseViews.day(r.dueAt()))));
        for (Recipient p : e.recipients()) {
          if (!p.reporter()) send(p, Outbound.text(StaffTexts.reopenedToFollower(r.id())));
        }
      }
      case REPLIED -> tell(e.recipients(), StaffTexts.staffReplied(r.id(), e.text()));
      case MERGED -> tell(e.recipients(), StaffTexts.mergedNotice(r.id(), r.mergedInto()));
      case STATUS_CHANGED -> {
        if (e.to() == CaseStatus.IN_PROGRESS && e.from() != CaseStatus.ANSWERED) {
          tell(e.recipients(), StaffTexts.inProgress(r.id(), CaseViews.day(r.dueAt())));
        } else if (e.to() == CaseStatus.IN_PROGRESS) {
          tell(e.recipients(), StaffTexts.stillInProgress(r.id()));
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
    String result = StaffTexts.result(r.lastReply() == null ? null : r.lastReply().text());
    for (Recipient p : recipients) {
      if (!p.reporter() || r.rating() != null) {
        send(p, Outbound.text(StaffTexts.closedToFollower(r.id(), result)));
        continue;
      }
      askRating(p, r.id());
      send(p, Outbound.withButtons(StaffTexts.closedToReporter(r.id(), result), Ratings.buttons(r.id())));
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
