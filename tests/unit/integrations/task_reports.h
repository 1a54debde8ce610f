// The reports of one integration attempt, collected from any thread and waited for from the
// test thread (shared by the Lambda, Lambda endpoint and HTTP Task tests).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "sfn/integrations/integration.h"

namespace sfn::integrations::test_support {

struct TaskReports {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<TaskReport> list;

  TaskListener listener() {
    return [this](TaskReport r) {
      std::lock_guard lock(mutex);
      list.push_back(std::move(r));
      changed.notify_all();
    };
  }
  bool wait_final(std::chrono::seconds limit = std::chrono::seconds(30)) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, limit, [&] { return !list.empty() && list.back().final(); });
  }
  bool wait_started() {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(30), [&] { return !list.empty(); });
  }
  TaskReport last() {
    std::lock_guard lock(mutex);
    return list.back();
  }
  // Waits for the final report (a test failure if none comes within 30 s) and returns it.
  TaskReport final_report() {
    EXPECT_TRUE(wait_final());
    std::lock_guard lock(mutex);
    return list.empty() ? TaskReport{} : list.back();
  }
};

}  // namespace sfn::integrations::test_support
