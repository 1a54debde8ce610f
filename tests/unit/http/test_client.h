// A blocking HTTP/1.1 client over a plain POSIX socket, for the server tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace sfn::http::testing {

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class TestClient {
 public:
  explicit TestClient(std::uint16_t port);  // connects to 127.0.0.1:port; throws on failure
  ~TestClient();
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  void send(std::string_view bytes);
  // Reads one response (status line, headers, Content-Length body); nullopt on EOF, error or
  // timeout.
  std::optional<Reply> read_reply(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True when the server closes the connection (EOF or reset) within `timeout`.
  bool wait_closed(std::chrono::milliseconds timeout);

 private:
  // Appends whatever arrives within `timeout` to buffer_; false on EOF/error/timeout.
  bool fill(std::chrono::milliseconds timeout);

  int fd_ = -1;
  std::string buffer_;
};

// "POST / HTTP/1.1" with the headers the AWS CLI sends; no X-Amz-Target when target is empty.
std::string post_request(std::string_view target, std::string_view body,
                         std::string_view extra_headers = {});

}  // namespace sfn::http::testing
