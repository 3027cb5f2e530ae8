package cn.fivestar.channels.web;

/** A request the dashboard answers with an error page: status code and a Chinese message for the reader. */
final class HttpError extends RuntimeException {
  private final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  int status() {
    return status;
  }
}
