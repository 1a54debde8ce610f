#include "sfn/common/domain.h"

#include <array>
#include <ostream>
#include <utility>

namespace sfn {
namespace {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<ExecutionStatus, 6> kExecutionStatuses{{
    {ExecutionStatus::kRunning, "RUNNING"},
    {ExecutionStatus::kSucceeded, "SUCCEEDED"},
    {ExecutionStatus::kFailed, "FAILED"},
    {ExecutionStatus::kTimedOut, "TIMED_OUT"},
    {ExecutionStatus::kAborted, "ABORTED"},
    {ExecutionStatus::kPendingRedrive, "PENDING_REDRIVE"},
}};

constexpr NameTable<StateMachineType, 2> kStateMachineTypes{{
    {StateMachineType::kStandard, "STANDARD"},
    {StateMachineType::kExpress, "EXPRESS"},
}};

template <class E, std::size_t N>
std::string_view lookup_name(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return {};
}

template <class E, std::size_t N>
std::optional<E> lookup_value(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace

std::string_view name_of(ExecutionStatus status) { return lookup_name(kExecutionStatuses, status); }
std::optional<ExecutionStatus> parse_execution_status(std::string_view name) {
  return lookup_value(kExecutionStatuses, name);
}

std::string_view name_of(StateMachineType type) { return lookup_name(kStateMachineTypes, type); }
std::optional<StateMachineType> parse_state_machine_type(std::string_view name) {
  return lookup_value(kStateMachineTypes, name);
}

std::ostream& operator<<(std::ostream& out, ExecutionStatus status) {
  return out << name_of(status);
}
std::ostream& operator<<(std::ostream& out, StateMachineType type) { return out << name_of(type); }

}  // namespace sfn
