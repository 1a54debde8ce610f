// The catalog of predefined ASL error names (States Language spec, "Errors").
#pragma once

#include <string_view>

namespace sfn::errors {

inline constexpr std::string_view kAll = "States.ALL";
inline constexpr std::string_view kHeartbeatTimeout = "States.HeartbeatTimeout";
inline constexpr std::string_view kTimeout = "States.Timeout";
inline constexpr std::string_view kTaskFailed = "States.TaskFailed";
inline constexpr std::string_view kPermissions = "States.Permissions";
inline constexpr std::string_view kResultPathMatchFailure = "States.ResultPathMatchFailure";
inline constexpr std::string_view kParameterPathFailure = "States.ParameterPathFailure";
inline constexpr std::string_view kBranchFailed = "States.BranchFailed";
inline constexpr std::string_view kNoChoiceMatched = "States.NoChoiceMatched";
inline constexpr std::string_view kIntrinsicFailure = "States.IntrinsicFailure";
inline constexpr std::string_view kExceedToleratedFailureThreshold =
    "States.ExceedToleratedFailureThreshold";
inline constexpr std::string_view kItemReaderFailed = "States.ItemReaderFailed";
inline constexpr std::string_view kResultWriterFailed = "States.ResultWriterFailed";
inline constexpr std::string_view kRuntime = "States.Runtime";
inline constexpr std::string_view kDataLimitExceeded = "States.DataLimitExceeded";
inline constexpr std::string_view kQueryEvaluationError = "States.QueryEvaluationError";

}  // namespace sfn::errors
