// The hand-off between callers and the writer thread. push() is cheap (a move under a mutex, one
// notify); the writer takes everything queued so far as one batch and reports it committed.
// Sequence numbers make flush() exact: it waits for the writes queued before it, not after.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

#include "store/write_op.h"

namespace sfn::store {

class WriteQueue {
 public:
  // Enqueues one write; returns its sequence number (1, 2, ...).
  std::uint64_t push(WriteOp op);

  // Sequence number of the last write enqueued so far (0 when none).
  std::uint64_t last_pushed() const;

  // Blocks until the writes up to `sequence` are done (committed or logged as failed).
  void wait_done(std::uint64_t sequence);

  // Writer side: blocks until writes are queued or close() was called; moves up to `max_ops`
  // writes into `batch`. Returns false when closed and nothing is left.
  bool take_batch(std::deque<WriteOp>& batch, std::size_t max_ops);

  // Writer side: the `count` writes taken last are done.
  void mark_done(std::size_t count);

  // No more writes will come; take_batch() drains what is left, then returns false.
  void close();

 private:
  mutable std::mutex mutex_;
  std::condition_variable has_work_;
  std::condition_variable done_changed_;
  std::deque<WriteOp> pending_;
  std::uint64_t pushed_ = 0;
  std::uint64_t done_ = 0;
  bool closed_ = false;
};

}  // namespace sfn::store
