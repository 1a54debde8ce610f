// sfn-local: configuration → logging → store → dispatcher → HTTP server → run until a signal.
#include <spdlog/fmt/ranges.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tl/expected.hpp>
#include <vector>

#include "sfn/api/dispatcher.h"
#include "sfn/app/config.h"
#include "sfn/app/jsonata_command.h"
#include "sfn/engine/runtime.h"
#include "sfn/http/server.h"
#include "sfn/integrations/http_client.h"
#include "sfn/integrations/http_task.h"
#include "sfn/integrations/integration.h"
#include "sfn/integrations/local_lambda.h"
#include "sfn/integrations/mock_config.h"
#include "sfn/store/store.h"

namespace {

// The io_context runs on a small pool: the main thread plus (threads - 1).
unsigned pool_size() { return std::clamp(std::thread::hardware_concurrency(), 2u, 4u); }

void run_io(boost::asio::io_context& io) {
  for (;;) {
    try {
      io.run();
      return;
    } catch (const std::exception& e) {
      // Handlers log their own failures; this is a last resort so one bug does not end the process.
      spdlog::error("unexpected error in the event loop: {}", e.what());
    }
  }
}

// The --mock-config file, parsed and checked (null when none is configured), or why not.
tl::expected<std::shared_ptr<const sfn::integrations::MockConfig>, std::string> read_mock_config(
    const std::string& path) {
  if (path.empty()) return std::shared_ptr<const sfn::integrations::MockConfig>();
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected("cannot read the mock config " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = sfn::integrations::parse_mock_config(text);
  if (!parsed) return tl::unexpected("mock config " + path + ": " + parsed.error());
  return std::shared_ptr<const sfn::integrations::MockConfig>(std::move(*parsed));
}

// SIGHUP reads the mock config again: executions started afterwards use the new one; a bad file
// is reported and the previous one stays in use.
void reload_mocks_on_sighup(boost::asio::signal_set& hangup, sfn::api::Dispatcher& dispatcher,
                            const std::string& path) {
  hangup.async_wait([&hangup, &dispatcher, path](const boost::system::error_code& ec, int) {
    if (ec) return;  // the server is stopping
    if (path.empty()) {
      spdlog::warn("SIGHUP: no mock config to reload (start with --mock-config FILE)");
    } else if (auto mocks = read_mock_config(path); !mocks) {
      spdlog::error("SIGHUP: {}; the previous mock config stays in use", mocks.error());
    } else {
      dispatcher.set_mocks(*mocks);
      spdlog::info("SIGHUP: mock config {} reloaded: test cases for {} state machine(s)", path,
                   (*mocks)->state_machine_count());
    }
    reload_mocks_on_sighup(hangup, dispatcher, path);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "jsonata") {
    return sfn::app::run_jsonata_command(argc - 1, argv + 1);
  }
  const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  auto parsed = sfn::app::parse_config(args, sfn::app::process_env());
  if (!parsed) {
    std::fprintf(stderr, "sfn-local: %s\nTry 'sfn-local --help' for more information.\n",
                 parsed.error().c_str());
    return 2;
  }
  const sfn::app::Config& config = *parsed;
  if (config.action == sfn::app::Config::Action::kHelp) {
    std::fputs(sfn::app::usage_text().c_str(), stdout);
    return 0;
  }
  if (config.action == sfn::app::Config::Action::kVersion) {
    std::puts("sfn-local " SFN_VERSION);
    return 0;
  }

  auto mocks = read_mock_config(config.mock_config);
  if (!mocks) {
    std::fprintf(stderr, "sfn-local: %s\n", mocks.error().c_str());
    return 2;
  }

  // Logs go to stderr (stdout stays free for command output), one line per event.
  spdlog::set_default_logger(spdlog::stderr_color_mt("sfn-local"));
  spdlog::set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] %v");
  spdlog::set_level(spdlog::level::from_str(config.log_level));

  std::unique_ptr<sfn::store::Store> store;
  try {
    store = sfn::store::open_sqlite_store(config.db);
  } catch (const std::exception& e) {
    spdlog::critical("cannot open the database: {}", e.what());
    return 1;
  }

  const unsigned threads = pool_size();
  boost::asio::io_context io(static_cast<int>(threads));

  sfn::engine::RuntimeOptions runtime;
  runtime.deployment = config.deployment;
  runtime.wait_time_scale = config.wait_time_scale;
  // The one outbound HTTP client (Lambda endpoint, HTTP Task).
  std::shared_ptr<sfn::integrations::HttpClient> http_client;
  try {
    sfn::integrations::HttpClientOptions client_options;
    client_options.ca_file = config.ca_bundle;
    client_options.user_agent = "sfn-local/" SFN_VERSION;
    http_client = std::make_shared<sfn::integrations::HttpClient>(io, client_options);
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    return 2;
  }
  auto registry = std::make_shared<sfn::integrations::Registry>();
  registry->add("http", sfn::integrations::make_http_task({http_client}));
  std::unique_ptr<sfn::integrations::LocalLambda> local_lambda;
  if (!config.lambda_handlers.empty() || !config.lambda_endpoint.empty()) {
    sfn::integrations::LocalLambdaOptions lambda_options;
    lambda_options.handlers.insert(config.lambda_handlers.begin(), config.lambda_handlers.end());
    lambda_options.deployment = config.deployment;
    if (!config.lambda_endpoint.empty()) {
      lambda_options.endpoint = sfn::integrations::LocalLambdaOptions::Endpoint{
          config.lambda_endpoint, http_client,
          sfn::integrations::credentials_from_env(sfn::app::process_env())};
    }
    local_lambda = std::make_unique<sfn::integrations::LocalLambda>(io, lambda_options);
    registry->add("lambda", local_lambda->invoke());
    registry->add("lambda-arn", local_lambda->function_arn());
  }
  runtime.integrations = registry;
  runtime.mocks = *mocks;
  std::unique_ptr<sfn::api::Dispatcher> dispatcher;
  try {
    dispatcher = sfn::api::make_dispatcher(io, *store, runtime);
    dispatcher->start();
  } catch (const std::exception& e) {
    spdlog::critical("cannot start the service: {}", e.what());
    return 1;
  }

  sfn::http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.max_connections = config.max_connections;  // 0 = from the open files limit
  options.router.server_info = "sfn-local " SFN_VERSION;
  options.router.access = sfn::http::make_access_policy(
      config.host, config.allow_hosts, config.allow_origins, sfn::http::machine_hostname());
  sfn::http::Server server(io, *dispatcher, options);
  try {
    server.start();
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    dispatcher->shutdown();
    store->flush();
    return 1;
  }
  const bool ipv6 = config.host.find(':') != std::string::npos;
  spdlog::info("sfn-local {}: db {}, region {}, account {}, wait time scale {}", SFN_VERSION,
               config.db, config.deployment.region, config.deployment.account,
               config.wait_time_scale);
  spdlog::info("sfn-local listening on http://{}{}{}:{} (at most {} connections)", ipv6 ? "[" : "",
               config.host, ipv6 ? "]" : "", server.port(), server.max_connections());
  if (*mocks) {
    spdlog::info("mock config {}: test cases for {} state machine(s)", config.mock_config,
                 (*mocks)->state_machine_count());
  }
  for (const auto& [name, command] : config.lambda_handlers) {
    spdlog::info("Lambda function {} runs: {}", name, command);
  }
  if (!config.lambda_endpoint.empty()) {
    spdlog::info("Lambda functions{} are invoked at {} ({})",
                 config.lambda_handlers.empty() ? "" : " without a handler", config.lambda_endpoint,
                 config.lambda_endpoint_source);
  }
  if (!config.lambda_endpoint_ignored.empty()) spdlog::warn("{}", config.lambda_endpoint_ignored);
  if (!config.allow_origins.empty()) {
    spdlog::info("web pages from {} may call the API (--allow-origin)",
                 fmt::join(options.router.access.origins, ", "));
  }

  boost::asio::signal_set hangup(io, SIGHUP);
  reload_mocks_on_sighup(hangup, *dispatcher, config.mock_config);

  // Runs until Server::shutdown() (SIGINT/SIGTERM) stops the io_context; the server has then
  // called dispatcher->shutdown() and closed every connection.
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&io] { run_io(io); });
  run_io(io);
  for (auto& thread : pool) thread.join();

  store->flush();
  spdlog::info("sfn-local stopped");
  return 0;
}
