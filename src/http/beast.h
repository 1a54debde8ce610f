// Namespace aliases for the Beast/Asio parts of http/ (private to src/http).
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace sfn::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace wire = boost::beast::http;  // `http` is our own namespace
using tcp = boost::asio::ip::tcp;
using error_code = boost::system::error_code;

// Completion token of the http coroutines: errors come back as values ([ec, n]), never thrown.
inline constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

}  // namespace sfn::http
