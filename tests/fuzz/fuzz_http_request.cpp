// libFuzzer target: raw bytes as a client sends them on one keep-alive connection. Each request
// goes through Beast's request parser with the server's body and header limits (as
// http/session.cpp reads it), then through the pure routing function http::handle_request, and
// the response is serialized as the session writes it. A read error gets the response the
// session would send (413, 431, 400) and ends the connection.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>
#include <variant>

#include "sfn/http/handle_request.h"
#include "sfn/http/server.h"
// The error responses move to their own header with the Host/CORS checks (http-safety branch);
// both layouts build.
#if __has_include("sfn/http/error_response.h")
#include "sfn/http/error_response.h"
#endif

namespace {

namespace beast = boost::beast;
namespace wire = boost::beast::http;
using sfn::http::Response;

void write_response(Response response, unsigned version, bool keep_alive, bool head_only) {
  wire::response<wire::string_body> message{static_cast<wire::status>(response.status), version};
  if (!response.content_type.empty()) message.set(wire::field::content_type, response.content_type);
  message.set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
  for (auto& [name, value] : response.headers) message.set(name, value);
  message.keep_alive(keep_alive);
  if (head_only) {
    message.content_length(response.body.size());
  } else {
    message.body() = std::move(response.body);
    message.prepare_payload();
  }
  std::ostringstream out;
  out << message;
}

// What the session answers when reading fails, or nothing (the connection just closes).
void write_read_failure(const beast::error_code& ec, std::size_t body_limit) {
  if (ec == wire::error::partial_message) return;
  if (ec == wire::error::body_limit) {
    write_response(sfn::http::payload_too_large(body_limit), 11, false, false);
  } else if (ec == wire::error::header_limit) {
    write_response(sfn::http::header_too_large(), 11, false, false);
  } else {
    write_response(sfn::http::bad_request(ec.message()), 11, false, false);
  }
}

// The headers that decide who may call (Host, Origin, preflight headers), where Request has
// them (added with the access checks); with them, the CORS headers of the response.
template <class Req>
void copy_access_headers(Req& request, const wire::request<wire::string_body>& message) {
  if constexpr (requires { request.host; }) {
    request.host = std::string(message[wire::field::host]);
    request.origin = std::string(message[wire::field::origin]);
    request.cors_request_headers =
        std::string(message[wire::field::access_control_request_headers]);
  }
}

template <class Req>
void add_cors_headers(Response& response, const Req& request,
                      const sfn::http::RouterOptions& options) {
  if constexpr (requires { cors_headers(request, options); }) {
    for (auto& header : cors_headers(request, options)) response.headers.push_back(header);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sfn::http::ServerOptions options;
  const char* next = reinterpret_cast<const char*>(data);
  std::size_t left = size;

  while (true) {
    wire::request_parser<wire::string_body> parser;
    parser.body_limit(options.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    beast::error_code ec;
    while (!parser.is_done()) {
      std::size_t used = 0;
      if (left > 0) {
        used = parser.put(boost::asio::buffer(next, left), ec);
        next += used;
        left -= used;
        if (ec == wire::error::need_more) ec = {};
        if (ec) break;
      }
      if (used == 0) {
        // The input ends (or is too short for what the parser needs): the client closed the
        // connection. Between two requests that is the end (Beast's read says end_of_stream);
        // within one, a partial message.
        if (!parser.got_some()) return 0;
        parser.put_eof(ec);
        if (!ec && !parser.is_done()) ec = wire::error::partial_message;
        break;
      }
    }
    if (ec) {
      write_read_failure(ec, options.body_limit);
      return 0;
    }

    wire::request<wire::string_body> message = parser.release();
    (void)beast::iequals(message[wire::field::expect], "100-continue");
    const bool head_only = message.method() == wire::verb::head;
    const bool keep_alive = message.keep_alive();
    sfn::http::Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.amz_target = std::string(message["X-Amz-Target"]);
    request.body = std::move(message.body());
    copy_access_headers(request, message);
    const sfn::http::Request headers_only = [&] {
      sfn::http::Request copy = request;
      copy.body.clear();
      return copy;
    }();

    sfn::http::Routed routed = sfn::http::handle_request(std::move(request), options.router);
    Response response;
    if (std::holds_alternative<sfn::api::ApiRequest>(routed)) {
      // The dispatcher (api/, engine, store) is outside this target: answer as it does for an
      // unknown operation.
      response = sfn::http::to_response(
          {400, R"({"__type":"UnknownOperationException"})", "application/x-amz-json-1.0"});
    } else {
      response = std::move(std::get<Response>(routed));
    }
    add_cors_headers(response, headers_only, options.router);
    write_response(std::move(response), message.version(), keep_alive, head_only);
    if (!keep_alive || left == 0) return 0;
  }
}
