// The outbound HTTP client against an in-test server: answers, keep-alive reuse, the total and
// connect timeouts, the canceller, a refused port, an unknown host, the body limit, and TLS with
// a self-signed certificate (trusted through ca_file, refused without it).
#include "sfn/integrations/http_client.h"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include "sfn/integrations/url.h"
#include "test_http_server.h"

namespace sfn::integrations {
namespace {

using test_http::Received;
using test_http::Reply;
using Kind = HttpError::Kind;

// One request's answer, waited for on the test thread.
struct Answer {
  std::mutex mutex;
  std::condition_variable done;
  std::optional<HttpResult> result;
  int calls = 0;

  HttpCallback callback() {
    return [this](HttpResult r) {
      std::lock_guard lock(mutex);
      result = std::move(r);
      ++calls;
      done.notify_all();
    };
  }
  HttpResult wait() {
    std::unique_lock lock(mutex);
    EXPECT_TRUE(done.wait_for(lock, std::chrono::seconds(30), [&] { return result.has_value(); }));
    return result.value_or(tl::unexpected(HttpError{Kind::kProtocol, "no answer"}));
  }
};

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  void TearDown() override {
    client_.reset();
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
  }
  HttpClient& client(HttpClientOptions options = {}) {
    if (!client_) client_ = std::make_unique<HttpClient>(io_, std::move(options));
    return *client_;
  }
  HttpResult call(HttpRequest request) {
    Answer answer;
    client().send(std::move(request), answer.callback());
    return answer.wait();
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::vector<std::thread> threads_;
  std::unique_ptr<HttpClient> client_;
};

Reply echo(const Received& r) {
  return Reply{201, {{"X-Method", r.method}, {"X-Target", r.target}}, "got:" + r.body};
}

TEST_F(HttpClientTest, AnswersStatusReasonHeadersAndBody) {
  test_http::Server server(echo);
  HttpRequest request;
  request.method = "POST";
  request.url = server.url("/a/b?x=1");
  request.headers = {{"X-Custom", "v"}};
  request.body = "hello";
  HttpResult r = call(request);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->reason, "Created");
  EXPECT_EQ(r->body, "got:hello");
  EXPECT_EQ(r->header("x-method"), "POST");
  EXPECT_EQ(r->header("X-TARGET"), "/a/b?x=1");
  const Received sent = server.received().at(0);
  EXPECT_EQ(sent.header("X-Custom"), "v");
  EXPECT_EQ(sent.header("Host"), "127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(sent.header("Content-Length"), "5");
  EXPECT_EQ(sent.header("User-Agent"), "sfn-local");
}

TEST_F(HttpClientTest, KeepAliveConnectionsAreReused) {
  test_http::Server server(echo);
  HttpRequest request;
  request.url = server.url();
  for (int i = 0; i < 3; ++i) {
    HttpResult r = call(request);
    ASSERT_TRUE(r.has_value()) << r.error().message;
    EXPECT_EQ(r->reused_connection, i > 0);
  }
  EXPECT_EQ(server.accepted(), 1u);
  EXPECT_EQ(client().connections_opened(), 1u);
  EXPECT_EQ(client().idle_connections(), 1u);
}

TEST_F(HttpClientTest, AConnectionTheServerClosesIsNotReused) {
  test_http::Server server([](const Received&) { return Reply{200, {}, "bye", {}, true}; });
  HttpRequest request;
  request.url = server.url();
  for (int i = 0; i < 2; ++i) {
    HttpResult r = call(request);
    ASSERT_TRUE(r.has_value()) << r.error().message;
    EXPECT_FALSE(r->reused_connection);
  }
  EXPECT_EQ(server.accepted(), 2u);
  EXPECT_EQ(client().idle_connections(), 0u);
}

TEST_F(HttpClientTest, ManyConcurrentRequestsAllCompleteAndThePoolStaysBounded) {
  test_http::Server server(echo);
  HttpClientOptions options;
  options.max_idle_per_host = 4;
  client(options);
  std::vector<std::unique_ptr<Answer>> answers;
  for (int i = 0; i < 40; ++i) {
    answers.push_back(std::make_unique<Answer>());
    HttpRequest request;
    request.url = server.url("/" + std::to_string(i));
    client().send(request, answers.back()->callback());
  }
  for (int i = 0; i < 40; ++i) {
    HttpResult r = answers[i]->wait();
    ASSERT_TRUE(r.has_value()) << r.error().message;
    EXPECT_EQ(r->header("X-Target"), "/" + std::to_string(i));
  }
  EXPECT_LE(client().idle_connections(), 4u);
}

TEST_F(HttpClientTest, TheTotalTimeoutEndsASlowAnswer) {
  test_http::Server server([](const Received&) { return Reply{200, {}, "", {}, false, true}; });
  HttpRequest request;
  request.url = server.url();
  request.total_timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  HttpResult r = call(request);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Kind::kTimeout) << r.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(HttpClientTest, TheCancellerAbortsTheRequestAndNoCallbackFollows) {
  test_http::Server server([](const Received& r) {
    return r.target == "/hang" ? Reply{200, {}, "", {}, false, true} : Reply{200, {}, "ok"};
  });
  Answer hung;
  HttpRequest request;
  request.url = server.url("/hang");
  HttpCanceller cancel = client().send(request, hung.callback());
  // Wait until the server has the request, so that the cancel aborts a read in flight.
  while (server.received().empty()) {
    HttpRequest ping;
    ping.url = server.url("/ping");
    ASSERT_TRUE(call(ping).has_value());
  }
  cancel();
  cancel();  // twice is harmless
  // A full round trip after the cancel: the aborted request has had every chance to answer.
  HttpRequest after;
  after.url = server.url("/after");
  ASSERT_TRUE(call(after).has_value());
  std::lock_guard lock(hung.mutex);
  EXPECT_EQ(hung.calls, 0);
}

TEST_F(HttpClientTest, ARefusedPortIsAConnectError) {
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(test_http::refused_port()) + "/";
  HttpResult r = call(request);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Kind::kConnect) << r.error().message;
  EXPECT_NE(r.error().message.find("refused"), std::string::npos) << r.error().message;
}

TEST_F(HttpClientTest, AnUnknownHostIsADnsError) {
  HttpRequest request;
  request.url = "http://no-such-host.invalid/";
  HttpResult r = call(request);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Kind::kDns) << r.error().message;
}

TEST_F(HttpClientTest, AnInvalidUrlIsAnsweredAsAValue) {
  HttpRequest request;
  request.url = "ftp://example.com/";
  HttpResult r = call(request);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Kind::kInvalidUrl);
}

TEST_F(HttpClientTest, ABodyOverTheLimitIsRefused) {
  test_http::Server server([](const Received&) { return Reply{200, {}, std::string(5000, 'x')}; });
  HttpRequest request;
  request.url = server.url();
  request.body_limit = 4096;
  HttpResult r = call(request);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Kind::kBodyTooLarge);
}

// The certificate's PEM in a temporary file, removed at the end.
struct PemFile {
  explicit PemFile(const std::string& pem)
      : path(std::filesystem::temp_directory_path() /
             ("sfn-test-ca-" + std::to_string(::getpid()) + ".pem")) {
    std::ofstream(path) << pem;
  }
  ~PemFile() { std::filesystem::remove(path); }
  std::filesystem::path path;
};

TEST_F(HttpClientTest, TlsWithTheCertificateTrustedThroughTheCaFile) {
  const auto cert = test_http::SelfSigned::make();
  test_http::Server server(echo, &cert);
  PemFile ca(cert.cert_pem);
  HttpClientOptions options;
  options.ca_file = ca.path.string();
  client(options);
  HttpRequest request;
  request.url = server.url("/secure");
  for (int i = 0; i < 2; ++i) {
    HttpResult r = call(request);
    ASSERT_TRUE(r.has_value()) << r.error().message;
    EXPECT_EQ(r->header("X-Target"), "/secure");
    EXPECT_EQ(r->reused_connection, i > 0);
  }
  EXPECT_EQ(server.accepted(), 1u);
}

TEST_F(HttpClientTest, TlsWithAnUntrustedCertificateFailsVerification) {
  const auto cert = test_http::SelfSigned::make();
  test_http::Server server(echo, &cert);
  HttpRequest request;
  request.url = server.url();
  HttpResult r = call(request);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, Kind::kTls);
  EXPECT_NE(r.error().message.find("certificate verify failed"), std::string::npos)
      << r.error().message;
}

TEST(HttpClientOptionsTest, AMissingCaFileIsRefusedAtConstruction) {
  boost::asio::io_context io;
  HttpClientOptions options;
  options.ca_file = "/nonexistent/ca.pem";
  EXPECT_THROW(HttpClient(io, options), std::runtime_error);
}

}  // namespace
}  // namespace sfn::integrations
