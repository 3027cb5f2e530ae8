package cn.fivestar.channels.web;

import cn.fivestar.accounts.Account;

/** Who is asking: an account (may act), or a read-only visitor (old token, or the open loopback dashboard). */
record Who(Account account, WebAccess.Session session) {
  boolean canAct() {
    return account != null;
  }

  boolean supervisor() {
    return account != null && account.supervisor();
  }

  String actor() {
    return account.actor();
  }

  /** For the workbench pages, which list a person's own cases: a token alone names nobody. */
  Who needAccount() {
    if (!canAct()) throw new HttpError(403, "工作台需要用个人账号登录（只凭访问口令只能查看）。请退出后用账号和密码登录。");
    return this;
  }
}
