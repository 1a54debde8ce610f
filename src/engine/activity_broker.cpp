#include "engine/activity_broker.h"

namespace sfn::engine {

ActivityBroker::ActivityBroker(asio::io_context& io, std::chrono::seconds poll_timeout,
                               std::size_t remembered_tokens, std::shared_ptr<const Clock> clock)
    : io_(io),
      poll_timeout_(poll_timeout),
      clock_(std::move(clock)),
      remembered_tokens_(remembered_tokens) {}

void ActivityBroker::wake(const std::shared_ptr<PendingActivity>& task) {
  asio::post(task->strand, [task] {
    if (task->waiter) task->waiter->cancel();
  });
}

void ActivityBroker::deliver(const std::shared_ptr<PendingActivity>& task,
                             const std::string& worker,
                             std::function<void(std::optional<ActivityTask>)>& done) {
  asio::post(task->strand, [task, worker] {
    if (task->alive && task->on_started) task->on_started(worker);
  });
  done(ActivityTask{task->token, task->input});
}

void ActivityBroker::schedule(const std::shared_ptr<PendingActivity>& task) {
  std::shared_ptr<Poller> poller;
  {
    std::lock_guard lock(mutex_);
    task->last_heartbeat = clock_->steady();
    by_token_[task->token] = task;
    auto& waiting = pollers_[task->activity_arn];
    while (!waiting.empty() && !poller) {
      auto p = waiting.front();
      waiting.pop_front();
      if (!p->answered) {
        p->answered = true;
        poller = p;
      }
    }
    if (!poller) {
      queued_[task->activity_arn].push_back(task);
      return;
    }
  }
  poller->timer->cancel();
  deliver(task, poller->worker, poller->done);
}

void ActivityBroker::withdraw(const std::shared_ptr<PendingActivity>& task) {
  std::lock_guard lock(mutex_);
  by_token_.erase(task->token);
  remember_finished(task->token);
  auto it = queued_.find(task->activity_arn);
  if (it != queued_.end()) std::erase(it->second, task);
}

void ActivityBroker::poll(const std::string& activity_arn, const std::string& worker,
                          std::function<void(std::optional<ActivityTask>)> done) {
  std::shared_ptr<PendingActivity> task;
  std::shared_ptr<Poller> poller;
  {
    std::lock_guard lock(mutex_);
    if (shut_down_) {
      done(std::nullopt);
      return;
    }
    auto& q = queued_[activity_arn];
    if (!q.empty()) {
      task = q.front();
      q.pop_front();
    } else {
      poller = std::make_shared<Poller>();
      poller->worker = worker;
      poller->done = std::move(done);
      poller->timer = std::make_shared<asio::steady_timer>(io_, poll_timeout_);
      pollers_[activity_arn].push_back(poller);
    }
  }
  if (task) {
    deliver(task, worker, done);
    return;
  }
  poller->timer->async_wait([this, poller, activity_arn](const boost::system::error_code&) {
    {
      std::lock_guard lock(mutex_);
      if (poller->answered) return;
      poller->answered = true;
      auto& waiting = pollers_[activity_arn];
      std::erase(waiting, poller);
    }
    poller->done(std::nullopt);
  });
}

void ActivityBroker::remember_finished(const std::string& token) {
  if (!finished_tokens_.insert(token).second) return;
  finished_order_.push_back(token);
  if (finished_order_.size() > remembered_tokens_) {
    finished_tokens_.erase(finished_order_.front());
    finished_order_.pop_front();
  }
}

void ActivityBroker::register_callback(const std::shared_ptr<PendingActivity>& task) {
  std::lock_guard lock(mutex_);
  task->last_heartbeat = clock_->steady();
  by_token_[task->token] = task;
}

TaskReply ActivityBroker::complete(const std::string& token, TaskOutcome outcome) {
  std::shared_ptr<PendingActivity> task;
  {
    std::lock_guard lock(mutex_);
    auto it = by_token_.find(token);
    if (it == by_token_.end())
      return finished_tokens_.count(token) ? TaskReply::kTaskTimedOut : TaskReply::kInvalidToken;
    task = it->second;
    if (task->outcome) return TaskReply::kTaskTimedOut;
    task->outcome = std::move(outcome);
    by_token_.erase(it);
    remember_finished(token);
    auto q = queued_.find(task->activity_arn);
    if (q != queued_.end()) std::erase(q->second, task);
  }
  wake(task);
  return TaskReply::kOk;
}

TaskReply ActivityBroker::heartbeat(const std::string& token) {
  std::shared_ptr<PendingActivity> task;
  {
    std::lock_guard lock(mutex_);
    auto it = by_token_.find(token);
    if (it == by_token_.end())
      return finished_tokens_.count(token) ? TaskReply::kTaskTimedOut : TaskReply::kInvalidToken;
    task = it->second;
    task->last_heartbeat = clock_->steady();
  }
  wake(task);
  return TaskReply::kOk;
}

std::optional<TaskOutcome> ActivityBroker::outcome(const PendingActivity& task) {
  std::lock_guard lock(mutex_);
  return task.outcome;
}

Clock::SteadyTime ActivityBroker::last_heartbeat(const PendingActivity& task) {
  std::lock_guard lock(mutex_);
  return task.last_heartbeat;
}

void ActivityBroker::shutdown() {
  std::vector<std::shared_ptr<Poller>> all;
  {
    std::lock_guard lock(mutex_);
    shut_down_ = true;
    for (auto& [arn, q] : pollers_)
      for (auto& p : q)
        if (!p->answered) {
          p->answered = true;
          all.push_back(p);
        }
    pollers_.clear();
  }
  for (auto& p : all) {
    p->timer->cancel();
    p->done(std::nullopt);
  }
}

}  // namespace sfn::engine
