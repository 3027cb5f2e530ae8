package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import java.nio.charset.StandardCharsets;

/** Sends HTML pages: the 退出登录 button when the page is seen through a session, and the error page. */
final class PageWriter {
  private final WebAccess access;

  PageWriter(WebAccess access) {
    this.access = access;
  }

  void html(Exchange ex, int status, String page) {
    html(ex, status, page, null);
  }

  /** A page; who (when known) decides the navigation and the 退出登录 button. */
  void html(Exchange ex, int status, String page, Who who) {
    WebAccess.Session s = who != null ? who.session() : access.session(ex.requestHeaders());
    if (s != null) page = Html.withLogout(page, who == null || who.account() == null ? null : who.account());
    ex.send(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  void error(Exchange ex, int status, String message) {
    String title = switch (status) {
      case 400 -> "请求有误";
      case 403 -> "拒绝访问";
      case 404 -> "找不到页面";
      case 405 -> "不支持的请求";
      case 408 -> "请求超时";
      case 413 -> "内容过大";
      default -> "出错了";
    };
    html(ex, status, Html.page(title, "", "<h1>" + title + "</h1><p class=\"msg\">" + esc(message)
        + "</p><p><a href=\"/\">返回概览</a></p>"));
  }
}
