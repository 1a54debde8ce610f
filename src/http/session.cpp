#include "http/session.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "http/async_dispatch.h"
#include "sfn/common/ids.h"
#include "sfn/http/handle_request.h"

namespace sfn::http {
namespace {

using WireRequest = wire::request<wire::string_body>;
using WireResponse = wire::response<wire::string_body>;

// Errors that just mean "the connection is over": the peer closed it, it idled out, or
// shutdown closed it.
bool is_quiet_close(const error_code& ec) {
  return ec == wire::error::end_of_stream || ec == beast::error::timeout ||
         ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::bad_descriptor ||
         ec == asio::error::not_connected || ec == asio::error::broken_pipe;
}

// The response for a request that could not be read, or nullopt to close silently.
std::optional<Response> read_failure_response(const error_code& ec, std::size_t body_limit) {
  if (is_quiet_close(ec) || ec == wire::error::partial_message) return std::nullopt;
  if (ec == wire::error::body_limit) return payload_too_large(body_limit);
  if (ec == wire::error::header_limit) return header_too_large();
  if (ec.category() == wire::make_error_code(wire::error::bad_target).category()) {
    return bad_request(ec.message());  // any other parse error of the request
  }
  return std::nullopt;
}

// The request without its body.
Request head_of(const WireRequest& message) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.amz_target = std::string(message["X-Amz-Target"]);
  request.host = std::string(message[wire::field::host]);
  request.origin = std::string(message[wire::field::origin]);
  request.cors_request_headers = std::string(message[wire::field::access_control_request_headers]);
  return request;
}

Request to_request(WireRequest& message) {
  Request request = head_of(message);
  request.body = std::move(message.body());
  return request;
}

WireResponse to_wire(Response response, unsigned version, bool keep_alive, bool head_only,
                     const std::string& request_id) {
  WireResponse message{static_cast<wire::status>(response.status), version};
  if (!response.content_type.empty()) message.set(wire::field::content_type, response.content_type);
  message.set("x-amzn-RequestId", request_id);
  for (auto& [name, value] : response.headers) message.set(name, value);
  message.keep_alive(keep_alive);
  const std::size_t size = response.body.size();
  if (head_only) {
    message.content_length(size);  // what GET would send, without the body
  } else {
    message.body() = std::move(response.body);
    message.prepare_payload();
  }
  return message;
}

std::string_view operation_of(std::string_view amz_target) {
  const auto dot = amz_target.rfind('.');
  return dot == std::string_view::npos ? amz_target : amz_target.substr(dot + 1);
}

// After an error response: send FIN, then read and discard what the client still sends (for a
// bounded time and size) so that closing does not reset the connection before the client has
// read the response.
asio::awaitable<void> linger_close(beast::tcp_stream& stream, std::size_t body_limit) {
  error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  std::array<char, 16 * 1024> discard;
  std::size_t total = 0;
  stream.expires_after(std::chrono::seconds(2));
  while (total <= 2 * body_limit) {
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(discard), kTuple);
    if (ec) break;
    total += n;
  }
  stream.close();
}

}  // namespace

void Session::start(std::shared_ptr<ServerState> state, tcp::socket socket, bool throttle) {
  auto executor = socket.get_executor();
  auto session = std::make_shared<Session>(std::move(state), std::move(socket), throttle);
  session->id_ = session->state_->sessions.add(session);
  asio::co_spawn(executor, run(session), [](std::exception_ptr error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      spdlog::error("http: session ended by an unexpected error: {}", e.what());
    } catch (...) {
      spdlog::error("http: session ended by an unexpected error");
    }
  });
}

Session::Session(std::shared_ptr<ServerState> state, tcp::socket socket, bool throttle)
    : state_(std::move(state)), stream_(std::move(socket)), throttle_(throttle) {}

Session::~Session() {
  if (id_ != 0) state_->sessions.remove(id_);
}

void Session::close(bool force, std::function<void()> then) {
  asio::post(stream_.get_executor(), [self = shared_from_this(), force, then = std::move(then)] {
    // A busy session answers first; its response says "Connection: close".
    if (force || !self->busy_) {
      error_code ignored;
      self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      self->stream_.close();
    }
    if (then) then();
  });
}

void Session::evict() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->busy_) {
      self->state_->sessions.cancel_eviction(self->id_);
      return;
    }
    spdlog::debug("http: closing an idle connection to make room (connection cap)");
    error_code ignored;
    self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    self->stream_.close();
  });
}

asio::awaitable<void> Session::run(std::shared_ptr<Session> self) {
  const ServerOptions& options = self->state_->options;
  beast::tcp_stream& stream = self->stream_;
  beast::flat_buffer buffer;

  if (self->throttle_) {
    // Over the connection cap with every connection busy: AWS's throttling error, then close.
    self->busy_ = true;
    WireResponse message = to_wire(throttled(), 11, false, false, make_uuid());
    stream.expires_after(options.write_timeout);
    auto [ec, n] = co_await wire::async_write(stream, message, kTuple);
    if (!ec) co_await linger_close(stream, options.body_limit);
    co_return;
  }

  while (!self->state_->stopping) {
    self->busy_ = false;
    self->state_->sessions.set_idle(self->id_, true);
    wire::request_parser<wire::string_body> parser;
    parser.body_limit(options.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));

    stream.expires_after(options.read_timeout);
    auto [header_ec, header_bytes] =
        co_await wire::async_read_header(stream, buffer, parser, kTuple);
    error_code read_ec = header_ec;
    if (!read_ec && !stream.socket().is_open()) break;  // evicted or shut down meanwhile
    if (!read_ec) {
      self->busy_ = true;
      self->state_->sessions.set_idle(self->id_, false);
      // curl and some SDKs wait for "100 Continue" before sending a large body.
      const auto expect = parser.get()[wire::field::expect];
      if (!parser.is_done() && beast::iequals(expect, "100-continue")) {
        wire::response<wire::empty_body> proceed{wire::status::continue_, parser.get().version()};
        stream.expires_after(options.write_timeout);
        auto [ec, n] = co_await wire::async_write(stream, proceed, kTuple);
        if (ec) break;
      }
      if (!parser.is_done()) {
        stream.expires_after(options.read_timeout);
        auto [body_ec, body_bytes] = co_await wire::async_read(stream, buffer, parser, kTuple);
        read_ec = body_ec;
      }
    }
    if (read_ec) {
      std::optional<Response> failure = read_failure_response(read_ec, options.body_limit);
      if (!failure) {
        if (!is_quiet_close(read_ec) && read_ec != wire::error::partial_message) {
          spdlog::debug("http: read failed: {}", read_ec.message());
        }
        break;
      }
      spdlog::debug("http: rejecting request: {} -> {}", read_ec.message(), failure->status);
      unsigned version = 11;
      if (parser.is_header_done()) {
        version = parser.get().version();
        // An allowed web page may read why its request was refused.
        for (auto& header : cors_headers(head_of(parser.get()), options.router)) {
          failure->headers.push_back(std::move(header));
        }
      }
      WireResponse message = to_wire(std::move(*failure), version, false, false, make_uuid());
      stream.expires_after(options.write_timeout);
      auto [ec, n] = co_await wire::async_write(stream, message, kTuple);
      if (!ec) co_await linger_close(stream, options.body_limit);
      break;
    }

    const auto started = std::chrono::steady_clock::now();
    WireRequest message = parser.release();
    const std::string request_id = make_uuid();
    const bool head_only = message.method() == wire::verb::head;
    bool keep_alive = message.keep_alive();
    Request request = to_request(message);
    const std::string method = request.method;
    const std::string target = request.target;
    const std::string amz_target = request.amz_target;

    Response response;
    std::vector<std::pair<std::string, std::string>> cors;
    try {
      cors = cors_headers(request, options.router);
      Routed routed = handle_request(std::move(request), options.router);
      if (auto* api_request = std::get_if<api::ApiRequest>(&routed)) {
        response =
            to_response(co_await async_dispatch(self->state_->dispatcher, std::move(*api_request)));
      } else {
        response = std::move(std::get<Response>(routed));
      }
    } catch (const std::exception& e) {
      spdlog::error("http: {} {} {} failed: {}", method, target, amz_target, e.what());
      response = internal_error();
      keep_alive = false;
    }
    if (self->state_->stopping) keep_alive = false;
    for (auto& header : cors) response.headers.push_back(std::move(header));

    const int status = response.status;
    const std::size_t body_size = response.body.size();
    WireResponse reply =
        to_wire(std::move(response), message.version(), keep_alive, head_only, request_id);
    stream.expires_after(options.write_timeout);
    auto [write_ec, written] = co_await wire::async_write(stream, reply, kTuple);

    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    spdlog::debug("http: {} {} {} -> {} ({} B, {} ms) {}{}", method, target,
                  amz_target.empty() ? std::string_view("-") : operation_of(amz_target), status,
                  body_size, elapsed.count(), request_id,
                  write_ec ? " write failed: " + write_ec.message() : std::string());
    if (write_ec || !keep_alive) break;
  }

  self->busy_ = false;
  if (stream.socket().is_open()) {
    error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
  }
}

}  // namespace sfn::http
