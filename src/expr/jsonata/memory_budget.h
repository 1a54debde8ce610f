// The memory one evaluation may hold (Limits::max_memory): arrays and sequences (their item
// storage), objects (entries, long keys, the lookup index), strings, functions and frames are
// counted while they exist, so a value given back is memory given back. Past the budget the
// evaluation fails with U1003; a string or JSON document about to be built outside the counted
// values (a $pad, a $join, the result) is checked before it is built.
#pragma once

#include <cstddef>
#include <memory>

namespace sfn::jsonata {

// What the allocator keeps beside each block it hands out (glibc's chunk header, rounded).
inline constexpr std::size_t kAllocationOverhead = 16;

class MemoryBudget {
 public:
  // Becomes this thread's budget until destroyed (an evaluation runs on one thread).
  explicit MemoryBudget(std::size_t limit);
  ~MemoryBudget();
  MemoryBudget(const MemoryBudget&) = delete;
  MemoryBudget& operator=(const MemoryBudget&) = delete;

  // Counts `bytes` against the thread's budget, if any; throws U1003 past its limit.
  static void charge(std::size_t bytes);
  // Gives back what charge() counted. Memory counted by no budget (or an earlier one) is simply
  // not found: the count never goes below zero.
  static void release(std::size_t bytes) noexcept;
  // Throws U1003 unless `bytes` more would fit; counts nothing.
  static void require(std::size_t bytes);

  std::size_t used() const { return used_; }
  std::size_t peak() const { return peak_; }

 private:
  static thread_local MemoryBudget* current_;
  MemoryBudget* previous_;
  std::size_t limit_;
  std::size_t used_ = 0;
  std::size_t peak_ = 0;
};

// A fixed amount counted for as long as the object holding it exists (the header of an array,
// object or function). Copies count again.
class BudgetCharge {
 public:
  explicit BudgetCharge(std::size_t bytes) : bytes_(bytes) { MemoryBudget::charge(bytes_); }
  BudgetCharge(const BudgetCharge& other) : bytes_(other.bytes_) { MemoryBudget::charge(bytes_); }
  BudgetCharge& operator=(const BudgetCharge&) { return *this; }
  ~BudgetCharge() { MemoryBudget::release(bytes_); }

 private:
  std::size_t bytes_;
};

// std::allocator that counts what it holds against the thread's budget.
template <class T>
struct BudgetAllocator {
  using value_type = T;
  BudgetAllocator() noexcept = default;
  template <class U>
  BudgetAllocator(const BudgetAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)

  T* allocate(std::size_t n) {
    MemoryBudget::charge(n * sizeof(T) + kAllocationOverhead);
    return std::allocator<T>{}.allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    std::allocator<T>{}.deallocate(p, n);
    MemoryBudget::release(n * sizeof(T) + kAllocationOverhead);
  }
  template <class U>
  bool operator==(const BudgetAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace sfn::jsonata
