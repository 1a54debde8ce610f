// CaseScheduler: a fixed pool pulling jobs in order from an atomic index.
#include "case_scheduler.h"

#include <exception>
#include <string>

namespace sfn::conformance {

CaseScheduler::CaseScheduler(std::vector<Job> jobs, unsigned workers)
    : jobs_(std::move(jobs)), promises_(jobs_.size()) {
  for (auto& p : promises_) futures_.push_back(p.get_future().share());
  for (unsigned w = 0; w < std::max(1u, workers); ++w) {
    workers_.emplace_back([this] {
      for (std::size_t i = next_++; i < jobs_.size(); i = next_++) {
        try {
          promises_[i].set_value(jobs_[i]());
        } catch (const std::exception& e) {
          CaseOutcome failed;
          failed.reason = std::string("runner error: ") + e.what();
          promises_[i].set_value(failed);
        }
      }
    });
  }
}

CaseScheduler::~CaseScheduler() { join(); }

void CaseScheduler::join() {
  for (auto& w : workers_) {
    if (w.joinable()) w.join();
  }
}

}  // namespace sfn::conformance
