#include "api/repositories.h"

#include <algorithm>
#include <tuple>

#include "sfn/common/arn.h"

namespace sfn::api {
namespace {

tl::unexpected<ApiError> invalid_arn(const std::string& arn) {
  return api_error("InvalidArn", "Invalid Arn: '" + arn + "'");
}

bool is_arn_of(const std::string& arn, ArnKind kind) {
  auto parsed = parse_states_arn(arn);
  return parsed && parsed->kind == kind;
}

}  // namespace

// --- StateMachines ---

void StateMachines::load(std::vector<StateMachineEntry> entries) {
  std::lock_guard lock(mutex_);
  for (auto& e : entries) {
    std::string arn = e.row.arn;
    by_arn_[arn] = std::make_shared<const StateMachineEntry>(std::move(e));
  }
}

ApiResult<StateMachinePtr> StateMachines::find(const std::string& arn) const {
  if (!is_arn_of(arn, ArnKind::kStateMachine)) return invalid_arn(arn);
  std::lock_guard lock(mutex_);
  auto it = by_arn_.find(arn);
  if (it == by_arn_.end())
    return api_error("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  return it->second;
}

ApiResult<std::pair<StateMachinePtr, bool>> StateMachines::create(StateMachineEntry entry) {
  std::lock_guard lock(mutex_);
  const std::string arn = entry.row.arn;
  if (auto it = by_arn_.find(arn); it != by_arn_.end()) {
    const auto& row = it->second->row;
    if (row.definition == entry.row.definition && row.role_arn == entry.row.role_arn &&
        row.type == entry.row.type)
      return std::pair{it->second, false};
    return api_error("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
  }
  auto added = std::make_shared<const StateMachineEntry>(std::move(entry));
  store_.put_state_machine(added->row);
  by_arn_[arn] = added;
  return std::pair{added, true};
}

ApiResult<StateMachinePtr> StateMachines::update(
    const std::string& arn, const std::function<void(StateMachineEntry&)>& change) {
  std::lock_guard lock(mutex_);
  auto it = by_arn_.find(arn);
  if (it == by_arn_.end())
    return api_error("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  StateMachineEntry copy = *it->second;
  change(copy);
  auto updated = std::make_shared<const StateMachineEntry>(std::move(copy));
  store_.put_state_machine(updated->row);
  it->second = updated;
  return updated;
}

bool StateMachines::erase(const std::string& arn) {
  std::lock_guard lock(mutex_);
  if (!by_arn_.erase(arn)) return false;
  store_.delete_state_machine(arn);
  return true;
}

bool StateMachines::contains(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  return by_arn_.count(arn) > 0;
}

std::vector<StateMachinePtr> StateMachines::list() const {
  std::vector<StateMachinePtr> all;
  {
    std::lock_guard lock(mutex_);
    all.reserve(by_arn_.size());
    for (const auto& [arn, e] : by_arn_) all.push_back(e);
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a->row.creation_date, a->row.arn) < std::tie(b->row.creation_date, b->row.arn);
  });
  return all;
}

// --- Activities ---

void Activities::load(std::vector<store::ActivityRow> rows) {
  std::lock_guard lock(mutex_);
  for (auto& row : rows) {
    std::string arn = row.arn;
    by_arn_[arn] = std::move(row);
  }
}

ApiResult<store::ActivityRow> Activities::find(const std::string& arn) const {
  if (!is_arn_of(arn, ArnKind::kActivity)) return invalid_arn(arn);
  std::lock_guard lock(mutex_);
  auto it = by_arn_.find(arn);
  if (it == by_arn_.end())
    return api_error("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
  return it->second;
}

std::pair<store::ActivityRow, bool> Activities::create(store::ActivityRow row) {
  std::lock_guard lock(mutex_);
  if (auto it = by_arn_.find(row.arn); it != by_arn_.end()) return {it->second, false};
  store_.put_activity(row);
  by_arn_[row.arn] = row;
  return {row, true};
}

bool Activities::erase(const std::string& arn) {
  std::lock_guard lock(mutex_);
  if (!by_arn_.erase(arn)) return false;
  store_.delete_activity(arn);
  return true;
}

bool Activities::contains(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  return by_arn_.count(arn) > 0;
}

std::vector<store::ActivityRow> Activities::list() const {
  std::vector<store::ActivityRow> all;
  {
    std::lock_guard lock(mutex_);
    all.reserve(by_arn_.size());
    for (const auto& [arn, row] : by_arn_) all.push_back(row);
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.creation_date, a.arn) < std::tie(b.creation_date, b.arn);
  });
  return all;
}

// --- Tags ---

void Tags::load(std::map<std::string, TagMap> tags) {
  std::lock_guard lock(mutex_);
  by_arn_ = std::move(tags);
}

Tags::TagMap Tags::of(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  auto it = by_arn_.find(arn);
  return it == by_arn_.end() ? TagMap{} : it->second;
}

ApiResult<bool> Tags::update(const std::string& arn, const std::function<bool()>& exists,
                             const std::function<void(TagMap&)>& change) {
  std::lock_guard lock(mutex_);
  if (!exists()) return api_error("ResourceNotFound", "Resource not found: '" + arn + "'");
  auto it = by_arn_.find(arn);
  TagMap tags = it == by_arn_.end() ? TagMap{} : it->second;
  change(tags);
  if (tags.size() > kMaxTags)
    return api_error("TooManyTags", "Too many tags: a resource can have at most 50 tags");
  store_.put_tags(arn, tags);
  by_arn_[arn] = std::move(tags);
  return true;
}

void Tags::set(const std::string& arn, const TagMap& tags) {
  std::lock_guard lock(mutex_);
  store_.put_tags(arn, tags);
  by_arn_[arn] = tags;
}

void Tags::erase(const std::string& arn) {
  std::lock_guard lock(mutex_);
  by_arn_.erase(arn);
}

// --- Executions ---

void Executions::track(const RecordPtr& record) {
  {
    std::lock_guard lock(mutex_);
    by_arn_[record->arn] = record;
  }
  std::lock_guard lock(record->mutex);
  record->on_finish.emplace_back([this, arn = record->arn] { retire(arn); });
}

Executions::RecordPtr Executions::find(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  auto it = by_arn_.find(arn);
  return it == by_arn_.end() ? nullptr : it->second;
}

ApiResult<std::pair<Executions::RecordPtr, bool>> Executions::start_unique(
    const std::string& arn, const std::string& input, const std::function<RecordPtr()>& create) {
  std::unique_lock lock(mutex_);
  if (auto it = by_arn_.find(arn); it != by_arn_.end()) {
    std::lock_guard record_lock(it->second->mutex);
    if (it->second->status == ExecutionStatus::kRunning && it->second->input == input)
      return std::pair{it->second, true};
    return api_error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }
  RecordPtr record = create();
  if (!record) return std::pair{nullptr, false};
  by_arn_[arn] = record;
  lock.unlock();
  std::lock_guard record_lock(record->mutex);
  record->on_finish.emplace_back([this, arn] { retire(arn); });
  return std::pair{record, false};
}

std::vector<Executions::RecordPtr> Executions::of_state_machine(
    const std::string& state_machine_arn, std::optional<ExecutionStatus> status) const {
  std::vector<RecordPtr> out;
  std::lock_guard lock(mutex_);
  for (const auto& [arn, record] : by_arn_) {
    if (record->state_machine_arn != state_machine_arn) continue;
    std::lock_guard record_lock(record->mutex);
    if (status && record->status != *status) continue;
    out.push_back(record);
  }
  return out;
}

void Executions::retire(const std::string& arn) {
  std::lock_guard lock(mutex_);
  auto it = by_arn_.find(arn);
  if (it == by_arn_.end()) return;
  if (it->second->state_machine_type != StateMachineType::kExpress) {
    by_arn_.erase(it);  // its final row is queued: reads find it in the store
    return;
  }
  finished_express_.push_back(arn);
  if (finished_express_.size() > kMaxFinishedExpress) {
    by_arn_.erase(finished_express_.front());
    finished_express_.pop_front();
  }
}

}  // namespace sfn::api
