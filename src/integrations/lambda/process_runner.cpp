#include "integrations/lambda/process_runner.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <optional>

#include "integrations/lambda/spawn.h"

namespace sfn::integrations::lambda {

namespace asio = boost::asio;
using Descriptor = asio::posix::stream_descriptor;

namespace {
// How often the exit is checked where there is no pidfd.
constexpr auto kPollInterval = std::chrono::milliseconds(20);
// After the shell exits (and its group is killed), how long its pipes may stay open: a process
// that left the group (setsid) keeps them open and is not waited for.
constexpr auto kLinger = std::chrono::seconds(1);
}  // namespace

// One process, from queued to reaped. Strand-confined.
struct ProcessRunner::Child {
  Child(asio::strand<asio::io_context::executor_type> s, ProcessSpec sp, Started st, Done d)
      : strand(s), spec(std::move(sp)), started(std::move(st)), done(std::move(d)), timer(s) {}
  ~Child() {
    // The event loop went away first (server shutdown): leave nothing running.
    if (pid > 0 && !reaped) ::kill(-pid, SIGKILL);
  }

  void kill_group() const {
    if (pid > 0 && !reaped) ::kill(-pid, SIGKILL);
  }

  asio::strand<asio::io_context::executor_type> strand;
  ProcessSpec spec;
  Started started;
  Done done;
  pid_t pid = -1;
  std::optional<Descriptor> in, out, err, pidfd;
  asio::steady_timer timer;
  std::array<char, 65536> out_buf{}, err_buf{};
  ProcessResult result;
  int open_streams = 0;
  bool reaped = false, cancelled = false, over = false;
};

namespace {

using Child = ProcessRunner::Child;

void read_stream(const std::shared_ptr<Child>& c, bool is_out, std::function<void()> closed);

void on_read(const std::shared_ptr<Child>& c, bool is_out, const boost::system::error_code& ec,
             std::size_t n, std::function<void()> closed) {
  if (ec) {
    boost::system::error_code ignored;
    (is_out ? c->out : c->err)->close(ignored);
    return closed();
  }
  if (is_out) {
    if (c->result.out.size() + n > c->spec.max_output) {
      c->result.output_too_large = true;
      c->kill_group();
      boost::system::error_code ignored;
      c->out->close(ignored);
      return closed();
    }
    c->result.out.append(c->out_buf.data(), n);
  } else {
    std::string& tail = c->result.err_tail;
    tail.append(c->err_buf.data(), n);
    if (tail.size() > kStderrKept) tail.erase(0, tail.size() - kStderrKept);
  }
  read_stream(c, is_out, std::move(closed));
}

void read_stream(const std::shared_ptr<Child>& c, bool is_out, std::function<void()> closed) {
  Descriptor& d = *(is_out ? c->out : c->err);
  auto& buf = is_out ? c->out_buf : c->err_buf;
  d.async_read_some(asio::buffer(buf), [c, is_out, closed = std::move(closed)](
                                           const boost::system::error_code& ec, std::size_t n) {
    on_read(c, is_out, ec, n, closed);
  });
}

// Whether the child has exited (without reaping it).
bool has_exited(pid_t pid) {
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == pid;
}

// Calls `reap` once the child has exited: when its pidfd becomes readable, or by polling.
void watch_exit(const std::shared_ptr<Child>& c, std::function<void()> reap) {
  auto next = [c, reap](const boost::system::error_code& ec) {
    if (ec == asio::error::operation_aborted) return;
    if (has_exited(c->pid)) return reap();
    watch_exit(c, reap);
  };
  if (c->pidfd) return c->pidfd->async_wait(Descriptor::wait_read, std::move(next));
  c->timer.expires_after(kPollInterval);
  c->timer.async_wait(std::move(next));
}

}  // namespace

ProcessRunner::ProcessRunner(asio::io_context& io, std::size_t max_processes)
    : strand_(asio::make_strand(io)), max_processes_(std::max<std::size_t>(1, max_processes)) {
  // A handler that exits without reading its stdin must not end the server with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
}

std::function<void()> ProcessRunner::run(ProcessSpec spec, Started started, Done done) {
  auto child =
      std::make_shared<Child>(strand_, std::move(spec), std::move(started), std::move(done));
  auto self = shared_from_this();
  ++queued_count_;
  asio::post(strand_, [self, child] {
    --self->queued_count_;
    if (child->cancelled) return;
    if (self->running_ < self->max_processes_) {
      self->start(child);
    } else {
      ++self->queued_count_;
      self->queue_.push_back(child);
    }
  });
  return [child] {
    asio::post(child->strand, [child] {
      child->cancelled = true;
      child->kill_group();
    });
  };
}

void ProcessRunner::start_next() {
  while (running_ < max_processes_ && !queue_.empty()) {
    auto next = std::move(queue_.front());
    queue_.pop_front();
    --queued_count_;
    if (!next->cancelled) start(next);
  }
}

void ProcessRunner::start(const std::shared_ptr<Child>& c) {
  Spawned s = spawn_shell(c->spec.command, c->spec.env);
  if (s.pid < 0) {
    c->result.spawn_error = std::move(s.error);
    Done done = std::move(c->done);
    if (done) done(std::move(c->result));
    return;
  }
  ++running_;
  ++running_count_;
  c->pid = s.pid;
  c->in.emplace(strand_, s.in);
  c->out.emplace(strand_, s.out);
  c->err.emplace(strand_, s.err);
  if (c->started) c->started();

  auto self = shared_from_this();
  auto maybe_finish = [self, c] {
    if (c->reaped && c->open_streams == 0 && !c->over) self->finished(c);
  };
  c->open_streams = 2;
  auto closed = [c, maybe_finish] {
    --c->open_streams;
    maybe_finish();
  };
  read_stream(c, true, closed);
  read_stream(c, false, closed);
  asio::async_write(*c->in, asio::buffer(c->spec.input),
                    [c](const boost::system::error_code&, std::size_t) {
                      boost::system::error_code ignored;
                      c->in->close(ignored);
                    });

  // The exit: reap, kill what the shell left in its group, give the pipes a moment to drain.
  auto reap = [c, maybe_finish] {
    c->kill_group();
    int status = 0;
    if (::waitpid(c->pid, &status, WNOHANG) == c->pid) {
      if (WIFSIGNALED(status)) c->result.signal = WTERMSIG(status);
      if (WIFEXITED(status)) c->result.exit_code = WEXITSTATUS(status);
    }
    c->reaped = true;
    boost::system::error_code ignored;
    if (c->pidfd) c->pidfd->close(ignored);
    if (c->open_streams > 0) {
      c->timer.expires_after(kLinger);
      c->timer.async_wait([c](const boost::system::error_code& ec) {
        if (ec) return;
        boost::system::error_code ignored;
        c->out->cancel(ignored);
        c->err->cancel(ignored);
      });
    }
    maybe_finish();
  };
  const int pidfd = open_pidfd(s.pid);
  if (pidfd >= 0) c->pidfd.emplace(strand_, pidfd);
  watch_exit(c, std::move(reap));
}

void ProcessRunner::finished(const std::shared_ptr<Child>& c) {
  c->over = true;
  c->timer.cancel();
  --running_;
  --running_count_;
  Done done = std::move(c->done);
  c->started = nullptr;
  if (!c->cancelled && done) done(std::move(c->result));
  start_next();
}

}  // namespace sfn::integrations::lambda
