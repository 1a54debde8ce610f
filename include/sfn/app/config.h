// The configuration of the sfn-local process: command-line flags, each with an environment
// variable; flags override the environment. Parsing is a pure function of argv and a lookup.
// (It lives in the app library, beside main.cpp, so that it is unit-tested without the binary.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

#include "sfn/common/deployment.h"

namespace sfn::app {

struct Config {
  enum class Action { kRun, kHelp, kVersion };

  Action action = Action::kRun;
  std::string host = "127.0.0.1";   // --host, SFN_HOST
  std::uint16_t port = 8083;        // --port, SFN_PORT (0 = ephemeral)
  std::string db = "sfn-local.db";  // --db, SFN_DB (":memory:" allowed)
  // --region, AWS_DEFAULT_REGION; --account, AWS_ACCOUNT_ID (12 digits); partition "aws".
  Deployment deployment;
  double wait_time_scale = 1.0;    // --wait-time-scale, WAIT_TIME_SCALE (>= 0)
  std::string log_level = "info";  // --log-level, SFN_LOG_LEVEL
  // --allow-origin, SFN_ALLOW_ORIGIN: web page origins that may call the API (normalized, see
  // access_policy.h; "*" = any). Repeatable and comma-separated.
  std::vector<std::string> allow_origins;
  // --allow-host, SFN_ALLOW_HOST: extra names accepted in the Host header ("*" = any).
  // Repeatable and comma-separated.
  std::vector<std::string> allow_hosts;
  // --max-connections, SFN_MAX_CONNECTIONS; 0 = default_max_connections(open_files_limit()).
  std::size_t max_connections = 0;
  // --mock-config, SFN_MOCK_CONFIG: mocked responses (AWS Step Functions Local format).
  std::string mock_config;
  // --lambda NAME=COMMAND (repeatable), SFN_LAMBDA (entries separated by ';'): local handlers
  // for Lambda functions, in the order given; each NAME at most once.
  std::vector<std::pair<std::string, std::string>> lambda_handlers;
  // --lambda-endpoint URL, LAMBDA_ENDPOINT (Step Functions Local's), else the SDKs'
  // AWS_ENDPOINT_URL_LAMBDA, else AWS_ENDPOINT_URL: Lambda's Invoke endpoint for the functions
  // without a local handler. `lambda_endpoint_source` names where it came from.
  std::string lambda_endpoint;
  std::string lambda_endpoint_source;
  // Set when AWS_ENDPOINT_URL[_LAMBDA] (often set for the AWS CLI to reach sfn-local itself)
  // named this server: it is not used as the Lambda endpoint, and this says why (a warning).
  std::string lambda_endpoint_ignored;
  // --ca-bundle FILE, AWS_CA_BUNDLE: PEM certificates trusted for https besides the system's.
  std::string ca_bundle;
};

// Returns the value of an environment variable, or nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// `args` are the arguments after the program name. An empty environment value counts as unset.
// On error returns one line of text for stderr (the caller exits with code 2).
tl::expected<Config, std::string> parse_config(const std::vector<std::string>& args,
                                               const EnvLookup& env);

// The process environment (std::getenv).
EnvLookup process_env();

// The --help text.
std::string usage_text();

}  // namespace sfn::app
