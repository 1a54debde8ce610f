#include "expr/jsonata/memory_budget.h"

#include <algorithm>
#include <string>

#include "expr/jsonata/error.h"

namespace sfn::jsonata {
namespace {

[[noreturn]] void exceeded(std::size_t limit) {
  JsonataException e;
  e.code = "U1003";
  e.message = std::to_string(limit >> 20) + " MiB";
  throw e;
}

}  // namespace

thread_local MemoryBudget* MemoryBudget::current_ = nullptr;

MemoryBudget::MemoryBudget(std::size_t limit) : previous_(current_), limit_(limit) {
  current_ = this;
}

MemoryBudget::~MemoryBudget() { current_ = previous_; }

void MemoryBudget::charge(std::size_t bytes) {
  MemoryBudget* b = current_;
  if (!b) return;
  if (bytes > b->limit_ - std::min(b->used_, b->limit_)) exceeded(b->limit_);
  b->used_ += bytes;
  b->peak_ = std::max(b->peak_, b->used_);
}

void MemoryBudget::release(std::size_t bytes) noexcept {
  MemoryBudget* b = current_;
  if (!b) return;
  b->used_ -= std::min(bytes, b->used_);
}

void MemoryBudget::require(std::size_t bytes) {
  const MemoryBudget* b = current_;
  if (b && bytes > b->limit_ - std::min(b->used_, b->limit_)) exceeded(b->limit_);
}

}  // namespace sfn::jsonata
