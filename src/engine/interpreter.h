// Runs a state graph: every state goes through one fixed pipeline, written once here as a
// template method: "entered" event → the state's own work (states/*.cpp) → retry/catch for
// Task, Parallel and Map → output processing → "exited" event → next state.
#pragma once

#include <optional>
#include <string>

#include "engine/data_flow.h"
#include "engine/frame.h"
#include "engine/state_io.h"
#include "sfn/asl/model/state_machine.h"
#include "sfn/asl/model/states.h"

namespace sfn::engine {

struct GraphOutcome {
  enum class Kind { kSucceeded, kFailed, kCancelled };
  Kind kind = Kind::kSucceeded;
  Json output;
  StatesError error;
};

Awaitable<GraphOutcome> run_graph(Frame& frame, const asl::StateGraph& graph, Json input);

// A state's work cut short because its frame's scope was cancelled (StopExecution, the
// execution's TimeoutSeconds, a failed sibling branch, a server shutdown): an outcome, not an
// error. No Retry or Catch applies to it and no event records it.
struct Cancelled {};

// Why a state's work has no result: a States error (for Retry and Catch), or its cancellation.
class WorkStop {
 public:
  WorkStop(StatesError error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  WorkStop(Cancelled) : cancelled_(true) {}                  // NOLINT(google-explicit-constructor)

  bool cancelled() const { return cancelled_; }
  const StatesError& error() const { return error_; }

 private:
  StatesError error_;
  bool cancelled_ = false;
};

// A state's work result. Expression and data-flow errors (Result<T>) convert to it.
template <class T>
using WorkResult = tl::expected<T, WorkStop>;

inline tl::unexpected<WorkStop> cancelled_work() { return tl::unexpected(WorkStop(Cancelled{})); }

// What a simple state's work produces: its output and, for Choice, the next state.
struct StepOutput {
  Json output;
  std::optional<std::string> next;
  std::optional<Json> assigned;  // variables assigned by this state (Assign)
};

// The states' own work. Simple states return their final output; Task and Parallel return
// their raw result (the pipeline applies ResultSelector/ResultPath/OutputPath and retries).
Awaitable<WorkResult<StepOutput>> run_pass(Frame& f, const asl::PassState& s, StateIO& io);
Awaitable<WorkResult<StepOutput>> run_choice(Frame& f, const asl::ChoiceState& s, StateIO& io);
Awaitable<WorkResult<StepOutput>> run_wait(Frame& f, const asl::WaitState& s, StateIO& io);
Awaitable<WorkResult<StepOutput>> run_succeed(Frame& f, const asl::SucceedState& s, StateIO& io);
Awaitable<WorkResult<StepOutput>> run_fail(Frame& f, const asl::FailState& s, StateIO& io);
Awaitable<WorkResult<Json>> run_task(Frame& f, const asl::TaskState& s, const Json& input,
                                     StateIO& io);
Awaitable<WorkResult<Json>> run_parallel(Frame& f, const asl::ParallelState& s, const Json& input,
                                         StateIO& io);
Awaitable<WorkResult<Json>> run_map(Frame& f, const asl::MapState& s, const Json& input,
                                    StateIO& io);

}  // namespace sfn::engine
