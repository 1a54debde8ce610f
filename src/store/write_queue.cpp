#include "store/write_queue.h"

#include <utility>

namespace sfn::store {

std::uint64_t WriteQueue::push(WriteOp op) {
  std::uint64_t sequence;
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(op));
    sequence = ++pushed_;
  }
  has_work_.notify_one();
  return sequence;
}

std::uint64_t WriteQueue::last_pushed() const {
  std::lock_guard lock(mutex_);
  return pushed_;
}

void WriteQueue::wait_done(std::uint64_t sequence) {
  std::unique_lock lock(mutex_);
  done_changed_.wait(lock, [&] { return done_ >= sequence; });
}

bool WriteQueue::take_batch(std::deque<WriteOp>& batch, std::size_t max_ops) {
  std::unique_lock lock(mutex_);
  has_work_.wait(lock, [&] { return closed_ || !pending_.empty(); });
  if (pending_.empty()) return false;
  if (pending_.size() <= max_ops) {
    batch.swap(pending_);
    pending_.clear();
  } else {
    for (std::size_t i = 0; i < max_ops; ++i) {
      batch.push_back(std::move(pending_.front()));
      pending_.pop_front();
    }
  }
  return true;
}

void WriteQueue::mark_done(std::size_t count) {
  {
    std::lock_guard lock(mutex_);
    done_ += count;
  }
  done_changed_.notify_all();
}

void WriteQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  has_work_.notify_all();
}

}  // namespace sfn::store
