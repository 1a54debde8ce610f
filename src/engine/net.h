// Asio aliases for the engine (kept out of include/ so the API does not compile Asio).
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace sfn::engine {

namespace asio = boost::asio;
// Executions run on the engine's own thread pool (RuntimeOptions::threads), not on the I/O
// threads, so that an expensive state cannot delay request handling.
using Strand = asio::strand<asio::thread_pool::executor_type>;
template <class T = void>
using Awaitable = asio::awaitable<T>;

}  // namespace sfn::engine
