// Runs the selected cases concurrently on a few worker threads (each blocks on its own API calls
// and polling), so slow cases overlap; each GoogleTest then waits for its own case's outcome.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "case_runner.h"

namespace sfn::conformance {

class CaseScheduler {
 public:
  using Job = std::function<CaseOutcome()>;

  // Jobs start in order, `workers` at a time.
  CaseScheduler(std::vector<Job> jobs, unsigned workers);
  ~CaseScheduler();  // joins the workers (every job runs to its end)
  CaseScheduler(const CaseScheduler&) = delete;
  CaseScheduler& operator=(const CaseScheduler&) = delete;

  std::shared_future<CaseOutcome> outcome(std::size_t job) const { return futures_.at(job); }
  void join();

 private:
  std::vector<Job> jobs_;
  std::vector<std::promise<CaseOutcome>> promises_;
  std::vector<std::shared_future<CaseOutcome>> futures_;
  std::atomic<std::size_t> next_{0};
  std::vector<std::thread> workers_;
};

}  // namespace sfn::conformance
