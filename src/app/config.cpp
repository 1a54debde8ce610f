#include "sfn/app/config.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <string_view>

#include "app/config_lambda.h"
#include "sfn/http/access_policy.h"
#include "sfn/integrations/url.h"

namespace sfn::app {
namespace {

struct Setting {
  std::string_view flag;
  std::string_view env;
  bool list = false;  // repeatable and comma-separated; otherwise the last occurrence wins
};

// Every flag that takes a value, with its environment variable.
constexpr std::array<Setting, 14> kSettings{{
    {"--host", "SFN_HOST"},
    {"--port", "SFN_PORT"},
    {"--db", "SFN_DB"},
    {"--region", "AWS_DEFAULT_REGION"},
    {"--account", "AWS_ACCOUNT_ID"},
    {"--wait-time-scale", "WAIT_TIME_SCALE"},
    {"--log-level", "SFN_LOG_LEVEL"},
    {"--allow-origin", "SFN_ALLOW_ORIGIN", true},
    {"--allow-host", "SFN_ALLOW_HOST", true},
    {"--max-connections", "SFN_MAX_CONNECTIONS"},
    {"--mock-config", "SFN_MOCK_CONFIG"},
    {"--lambda", "SFN_LAMBDA", true},  // one entry per flag; the variable's are ';'-separated
    {"--lambda-endpoint", "LAMBDA_ENDPOINT"},
    {"--ca-bundle", "AWS_CA_BUNDLE"},
}};

// The SDKs' endpoint variables, read for --lambda-endpoint after LAMBDA_ENDPOINT, in order.
constexpr std::array<std::string_view, 2> kLambdaEndpointFallbacks{"AWS_ENDPOINT_URL_LAMBDA",
                                                                   "AWS_ENDPOINT_URL"};

// --max-connections: far above what one process can hold open, low enough to catch typos.
constexpr std::size_t kMaxConnectionsLimit = 1'000'000;
constexpr std::array<std::string_view, 6> kLogLevels{"trace", "debug", "info",
                                                     "warn",  "error", "off"};

// A raw value and where it came from ("--port" or "SFN_PORT"), for error messages.
struct Raw {
  std::string value;
  std::string source;
};

tl::unexpected<std::string> invalid(const Raw& raw, std::string_view expected) {
  return tl::unexpected("invalid value '" + raw.value + "' for " + raw.source + ": expected " +
                        std::string(expected));
}

const Setting* find_setting(std::string_view flag) {
  for (const Setting& setting : kSettings) {
    if (setting.flag == flag) return &setting;
  }
  return nullptr;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Region names such as us-east-1 or eu-central-2: lowercase letters, digits and dashes.
bool looks_like_region(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// The items of a comma-separated list value, trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

// Appends every item of a list value, normalized by `normalize` (empty = invalid).
tl::expected<void, std::string> append_list(std::vector<std::string>& list, const Raw& raw,
                                            std::string (*normalize)(std::string_view),
                                            std::string_view expected) {
  const std::vector<std::string> items = split_list(raw.value);
  if (items.empty()) return invalid(raw, expected);
  for (const std::string& item : items) {
    std::string value = normalize(item);
    if (value.empty()) return invalid(Raw{item, raw.source}, expected);
    list.push_back(std::move(value));
  }
  return {};
}

tl::expected<void, std::string> apply(Config& config, std::string_view flag, const Raw& raw) {
  if (flag == "--host") {
    if (raw.value.empty()) return invalid(raw, "a host name or IP address");
    config.host = raw.value;
  } else if (flag == "--port") {
    unsigned long port = 0;
    const char* end = raw.value.data() + raw.value.size();
    auto [ptr, ec] = std::from_chars(raw.value.data(), end, port);
    if (!all_digits(raw.value) || ec != std::errc() || ptr != end || port > 65535) {
      return invalid(raw, "a port number from 0 to 65535");
    }
    config.port = static_cast<std::uint16_t>(port);
  } else if (flag == "--db") {
    if (raw.value.empty()) return invalid(raw, "a file path or :memory:");
    config.db = raw.value;
  } else if (flag == "--region") {
    if (!looks_like_region(raw.value)) return invalid(raw, "a region name such as us-east-1");
    config.deployment.region = raw.value;
  } else if (flag == "--account") {
    if (raw.value.size() != 12 || !all_digits(raw.value)) {
      return invalid(raw, "a 12-digit AWS account id");
    }
    config.deployment.account = raw.value;
  } else if (flag == "--wait-time-scale") {
    errno = 0;
    char* end = nullptr;
    const double scale = std::strtod(raw.value.c_str(), &end);
    if (raw.value.empty() || end != raw.value.c_str() + raw.value.size() || errno != 0 ||
        !std::isfinite(scale) || scale < 0) {
      return invalid(raw, "a number >= 0 (0 = no waiting, 1 = real time)");
    }
    config.wait_time_scale = scale;
  } else if (flag == "--log-level") {
    bool known = false;
    for (std::string_view level : kLogLevels) known = known || level == raw.value;
    if (!known) return invalid(raw, "one of trace, debug, info, warn, error, off");
    config.log_level = raw.value;
  } else if (flag == "--allow-origin") {
    return append_list(config.allow_origins, raw, http::normalize_allowed_origin,
                       "origins such as http://localhost:3000 (scheme://host[:port]), or *");
  } else if (flag == "--allow-host") {
    return append_list(config.allow_hosts, raw, http::normalize_allowed_host,
                       "host names or IP addresses without a port, or *");
  } else if (flag == "--lambda") {
    return append_lambda_handlers(config.lambda_handlers, raw.value, raw.source);
  } else if (flag == "--lambda-endpoint") {
    std::string why;
    if (!integrations::parse_url(raw.value, &why)) {
      return invalid(raw, "an http:// or https:// URL such as http://127.0.0.1:3001 (" + why + ")");
    }
    config.lambda_endpoint = raw.value;
    config.lambda_endpoint_source = raw.source;
  } else if (flag == "--ca-bundle") {
    if (raw.value.empty()) return invalid(raw, "the path of a PEM certificate bundle");
    config.ca_bundle = raw.value;
  } else if (flag == "--mock-config") {
    if (raw.value.empty()) return invalid(raw, "the path of a mock config file");
    config.mock_config = raw.value;
  } else if (flag == "--max-connections") {
    unsigned long long count = 0;
    const char* end = raw.value.data() + raw.value.size();
    auto [ptr, ec] = std::from_chars(raw.value.data(), end, count);
    if (!all_digits(raw.value) || ec != std::errc() || ptr != end || count < 1 ||
        count > kMaxConnectionsLimit) {
      return invalid(raw, "a number of connections from 1 to 1000000");
    }
    config.max_connections = static_cast<std::size_t>(count);
  }
  return {};
}

// Whether `url` is this server's own address (a loopback or the listening host, same port).
bool names_this_server(const Config& config, const std::string& url) {
  auto parsed = integrations::parse_url(url);
  if (!parsed || parsed->port != config.port) return false;
  const std::string& h = parsed->host;
  return h == "localhost" || h == "::1" || h.rfind("127.", 0) == 0 || h == config.host ||
         h == "0.0.0.0";
}

}  // namespace

tl::expected<Config, std::string> parse_config(const std::vector<std::string>& args,
                                               const EnvLookup& env) {
  // Flags first (they override the environment), every occurrence in order.
  std::map<std::string_view, std::vector<Raw>> flags;
  bool help = false;
  bool version = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
      continue;
    }
    if (arg == "--version") {
      version = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      return tl::unexpected("unexpected argument '" + arg + "'");
    }
    const auto equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    const Setting* setting = find_setting(name);
    if (setting == nullptr) {
      if (name == "--help" || name == "--version") {
        return tl::unexpected(name + " takes no value");
      }
      return tl::unexpected("unknown option '" + name + "'");
    }
    Raw raw{"", name};
    if (equals != std::string::npos) {
      raw.value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      raw.value = args[++i];
    } else {
      return tl::unexpected("option " + name + " needs a value");
    }
    flags[setting->flag].push_back(std::move(raw));
  }

  Config config;
  if (help) {
    config.action = Config::Action::kHelp;
    return config;
  }
  if (version) {
    config.action = Config::Action::kVersion;
    return config;
  }
  for (const Setting& setting : kSettings) {
    std::vector<Raw> raws;
    if (auto it = flags.find(setting.flag); it != flags.end()) {
      // A list takes every occurrence; any other setting the last one.
      raws = setting.list ? it->second : std::vector<Raw>{it->second.back()};
    } else if (env) {
      std::optional<std::string> value = env(setting.env);
      if (value && !value->empty())
        raws.push_back(Raw{std::move(*value), std::string(setting.env)});
    }
    for (const Raw& raw : raws) {
      if (auto applied = apply(config, setting.flag, raw); !applied) {
        return tl::unexpected(applied.error());
      }
    }
  }
  for (std::string_view name : kLambdaEndpointFallbacks) {
    if (!config.lambda_endpoint.empty() || !env) break;
    std::optional<std::string> value = env(name);
    if (!value || value->empty()) continue;
    if (auto applied = apply(config, "--lambda-endpoint", Raw{*value, std::string(name)});
        !applied) {
      return tl::unexpected(applied.error());
    }
    // The SDK-wide variable often points the AWS CLI at sfn-local itself: calling Lambda there
    // would send every invocation back to this server.
    if (names_this_server(config, config.lambda_endpoint)) {
      config.lambda_endpoint_ignored = std::string(name) + "=" + config.lambda_endpoint +
                                       " names this server, not a Lambda endpoint: ignored "
                                       "(set --lambda-endpoint or LAMBDA_ENDPOINT)";
      config.lambda_endpoint.clear();
      config.lambda_endpoint_source.clear();
    }
  }
  return config;
}

EnvLookup process_env() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::string usage_text() {
  return R"(Usage: sfn-local [options]
       sfn-local jsonata [args...]     evaluate JSONata expressions (see: sfn-local jsonata --help)

A local emulator of AWS Step Functions: serves the Step Functions API (AWS JSON 1.0) over HTTP,
runs state machines and keeps everything in SQLite.

Options (each can also be set by the environment variable shown; flags win):
  --host HOST             address to listen on (SFN_HOST, default 127.0.0.1;
                          use 0.0.0.0 in containers)
  --port PORT             TCP port, 0 = any free port (SFN_PORT, default 8083)
  --db PATH               SQLite database file, or :memory: (SFN_DB, default sfn-local.db)
  --region REGION         region used in ARNs (AWS_DEFAULT_REGION, default us-east-1)
  --account ID            12-digit account id used in ARNs (AWS_ACCOUNT_ID, default 123456789012)
  --wait-time-scale X     multiplies Wait durations and retry intervals; 0 = no waiting
                          (WAIT_TIME_SCALE, default 1)
  --log-level LEVEL       trace|debug|info|warn|error|off (SFN_LOG_LEVEL, default info)
  --allow-origin ORIGIN   let web pages from ORIGIN (e.g. http://localhost:3000) call the API
                          and read its answers (CORS); repeatable or comma-separated, * = any
                          page (SFN_ALLOW_ORIGIN, default: none; the console's own origin is
                          always allowed, requests without an Origin header are not affected)
  --allow-host NAME       also accept requests whose Host header is NAME (no port), e.g. a
                          docker compose service name with dots; repeatable or comma-separated,
                          * = any host, disabling DNS rebinding protection (SFN_ALLOW_HOST;
                          default: the names of the listening address, see the README)
  --max-connections N     open connections served at once; beyond it the longest-idle one is
                          closed, or with none idle the new one gets ThrottlingException
                          (SFN_MAX_CONNECTIONS, default min(1000, open files limit - 64))
  --mock-config FILE      mocked Task responses in the AWS Step Functions Local format; an
                          execution started on <stateMachineArn>#<TestCase> answers the states
                          of that test case from it (SFN_MOCK_CONFIG; a bad file exits with 2)
  --lambda NAME=COMMAND   run the shell command COMMAND for Lambda function NAME (both
                          arn:aws:states:::lambda:invoke and function ARNs): the event JSON on
                          its stdin, its stdout the function's response; a non-zero exit or
                          {"errorType": ..., "errorMessage": ...} on stdout is a function error.
                          Repeatable (SFN_LAMBDA: NAME=COMMAND entries separated by ';')
  --lambda-endpoint URL   invoke the Lambda functions without a --lambda handler at this Lambda
                          Invoke endpoint (e.g. sam local start-lambda's http://127.0.0.1:3001),
                          SigV4-signed with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/
                          AWS_SESSION_TOKEN (LAMBDA_ENDPOINT, else AWS_ENDPOINT_URL_LAMBDA, else
                          AWS_ENDPOINT_URL; default: none, such functions are not found)
  --ca-bundle FILE        PEM certificates trusted for https calls besides the system's
                          (AWS_CA_BUNDLE)
  -h, --help              print this help and exit
  --version               print the version and exit

Both "--flag value" and "--flag=value" are accepted. Bad options exit with code 2.

Example:
  sfn-local --port 8083 &
  aws stepfunctions list-state-machines --endpoint-url http://localhost:8083
)";
}

}  // namespace sfn::app
