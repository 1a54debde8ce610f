// Runs shell commands as child processes without blocking the event loop: posix_spawn of
// `/bin/sh -c COMMAND` in its own process group, stdin/stdout/stderr on Asio pipes, the exit
// watched through a pidfd (a polling timer where pidfd_open is unavailable), at most
// `max_processes` at once (the others wait in order). All bookkeeping runs on one strand.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sfn::integrations::lambda {

struct ProcessSpec {
  std::string command;                                   // run by /bin/sh -c
  std::vector<std::pair<std::string, std::string>> env;  // added to (or replacing) the server's
  std::string input;                                     // written to stdin, which is then closed
  std::size_t max_output = 6291556;                      // stdout beyond it: output_too_large
};

struct ProcessResult {
  std::string spawn_error;  // non-empty: the process could not be started
  int exit_code = 0;        // when signal == 0
  int signal = 0;           // the signal that ended it, if any
  std::string out;          // stdout (at most max_output bytes)
  std::string err_tail;     // the last kStderrKept bytes of stderr
  bool output_too_large = false;
};

inline constexpr std::size_t kStderrKept = 64 * 1024;

class ProcessRunner : public std::enable_shared_from_this<ProcessRunner> {
 public:
  using Started = std::function<void()>;
  using Done = std::function<void(ProcessResult)>;

  ProcessRunner(boost::asio::io_context& io, std::size_t max_processes);

  // Queues one process. `started` is called once it is spawned, then `done` once it has exited
  // and its output is read (or `done` alone when it cannot be spawned). The returned canceller
  // kills the process group (or drops the queued run); after it, neither callback is called.
  std::function<void()> run(ProcessSpec spec, Started started, Done done);

  std::size_t running() const { return running_count_.load(); }
  std::size_t queued() const { return queued_count_.load(); }

  struct Child;

 private:
  void start(const std::shared_ptr<Child>& child);
  void finished(const std::shared_ptr<Child>& child);
  void start_next();

  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  std::size_t max_processes_;
  // Strand-confined.
  std::deque<std::shared_ptr<Child>> queue_;
  std::size_t running_ = 0;
  // Mirrors for other threads.
  std::atomic<std::size_t> running_count_{0}, queued_count_{0};
};

}  // namespace sfn::integrations::lambda
