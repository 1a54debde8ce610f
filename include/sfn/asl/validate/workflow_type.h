// What a workflow type allows beyond the States Language itself. Express workflows run Request
// Response integrations only ("Express Workflows do not support Run a Job (.sync) or Wait for
// Callback (.waitForTaskToken)") and no activities: CreateStateMachine refuses such a definition
// with type EXPRESS, and ValidateStateMachineDefinition reports it.
#pragma once

#include <vector>

#include "sfn/asl/model/state_machine.h"
#include "sfn/asl/parse/parse_definition.h"
#include "sfn/common/domain.h"

namespace sfn::asl {

// One ERROR diagnostic per Task state, at any depth, that an EXPRESS state machine cannot run;
// none for STANDARD.
std::vector<Diagnostic> workflow_type_diagnostics(const StateMachine& machine,
                                                  StateMachineType type);

}  // namespace sfn::asl
