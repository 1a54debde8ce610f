// An HTTP/1.1 server for the client tests, on its own io_context and thread: plain or TLS (a
// self-signed certificate made here with the OpenSSL API), keep-alive, and per-request answers
// from a handler that may delay (a timer, not a sleep), close the connection, or never answer.
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sfn::test_http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct Received {
  std::string method, target, body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (beast::iequals(n, name)) return v;
    }
    return {};
  }
};

struct Reply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds delay{0};
  bool close = false;  // answer, then close the connection
  bool hang = false;   // never answer (the connection stays open)
};

// A self-signed certificate for 127.0.0.1 and localhost (P-256), as PEM text.
struct SelfSigned {
  std::string cert_pem, key_pem;
  static SelfSigned make() {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* x = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 24 * 3600);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    for (const char* ext :
         {"subjectAltName=IP:127.0.0.1,DNS:localhost", "basicConstraints=CA:TRUE"}) {
      const std::string text(ext);
      const auto eq = text.find('=');
      X509_EXTENSION* e =
          X509V3_EXT_conf(nullptr, &ctx, text.substr(0, eq).c_str(), text.substr(eq + 1).c_str());
      X509_add_ext(x, e, -1);
      X509_EXTENSION_free(e);
    }
    X509_sign(x, key, EVP_sha256());
    SelfSigned out;
    BIO* b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, x);
    char* data = nullptr;
    long n = BIO_get_mem_data(b, &data);
    out.cert_pem.assign(data, static_cast<std::size_t>(n));
    BIO_free(b);
    b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    n = BIO_get_mem_data(b, &data);
    out.key_pem.assign(data, static_cast<std::size_t>(n));
    BIO_free(b);
    X509_free(x);
    EVP_PKEY_free(key);
    return out;
  }
};

class Server {
 public:
  using Handler = std::function<Reply(const Received&)>;

  explicit Server(Handler handler, const SelfSigned* tls = nullptr)
      : handler_(std::move(handler)), acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
    if (tls) {
      tls_ = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
      tls_->use_certificate_chain(asio::buffer(tls->cert_pem));
      tls_->use_private_key(asio::buffer(tls->key_pem), asio::ssl::context::pem);
    }
    asio::co_spawn(io_, accept(), asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Server() {
    io_.stop();
    thread_.join();
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::string url(const std::string& path = "/") const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) + path;
  }
  std::size_t accepted() const { return accepted_.load(); }
  std::vector<Received> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  asio::awaitable<void> accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      ++accepted_;
      if (tls_) {
        auto stream = std::make_shared<asio::ssl::stream<beast::tcp_stream>>(
            beast::tcp_stream(std::move(socket)), *tls_);
        asio::co_spawn(io_, serve_tls(stream), asio::detached);
      } else {
        auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
        asio::co_spawn(io_, serve(stream), asio::detached);
      }
    }
  }

  asio::awaitable<void> serve_tls(std::shared_ptr<asio::ssl::stream<beast::tcp_stream>> s) {
    auto [ec] = co_await s->async_handshake(asio::ssl::stream_base::server,
                                            asio::as_tuple(asio::use_awaitable));
    if (!ec) co_await serve(s);
  }

  template <class Stream>
  asio::awaitable<void> serve(std::shared_ptr<Stream> s) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> req;
      auto [ec, n] =
          co_await http::async_read(*s, buffer, req, asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      Received r{std::string(req.method_string()), std::string(req.target()), req.body(), {}};
      for (const auto& f : req) r.headers.emplace_back(f.name_string(), f.value());
      {
        std::lock_guard lock(mutex_);
        received_.push_back(r);
      }
      Reply reply = handler_(r);
      if (reply.delay.count() > 0 || reply.hang) {
        asio::steady_timer timer(io_, reply.hang ? std::chrono::hours(1) : reply.delay);
        co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
      }
      http::response<http::string_body> res{static_cast<http::status>(reply.status), 11};
      for (const auto& [name, value] : reply.headers) res.insert(name, value);
      res.body() = reply.body;
      res.prepare_payload();
      res.keep_alive(!reply.close && req.keep_alive());
      auto [wec, w] = co_await http::async_write(*s, res, asio::as_tuple(asio::use_awaitable));
      if (wec || reply.close || !req.keep_alive()) {
        beast::get_lowest_layer(*s).close();
        co_return;
      }
    }
  }

  Handler handler_;
  asio::io_context io_;
  asio::ip::tcp::acceptor acceptor_;
  std::unique_ptr<asio::ssl::context> tls_;
  std::thread thread_;
  std::atomic<std::size_t> accepted_{0};
  mutable std::mutex mutex_;
  std::vector<Received> received_;
};

// A port nothing listens on (bound, then closed).
inline std::uint16_t refused_port() {
  asio::io_context io;
  asio::ip::tcp::acceptor a(io, {asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

}  // namespace sfn::test_http
