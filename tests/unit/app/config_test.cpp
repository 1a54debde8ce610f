#include "sfn/app/config.h"

#include <gtest/gtest.h>

#include <map>

namespace sfn::app {
namespace {

using Env = std::map<std::string, std::string>;

tl::expected<Config, std::string> parse(std::vector<std::string> args, Env env = {}) {
  return parse_config(args, [env](std::string_view name) -> std::optional<std::string> {
    auto it = env.find(std::string(name));
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

TEST(Config, Defaults) {
  auto config = parse({});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->action, Config::Action::kRun);
  EXPECT_EQ(config->host, "127.0.0.1");
  EXPECT_EQ(config->port, 8083);
  EXPECT_EQ(config->db, "sfn-local.db");
  EXPECT_EQ(config->deployment.region, "us-east-1");
  EXPECT_EQ(config->deployment.account, "123456789012");
  EXPECT_EQ(config->wait_time_scale, 1.0);
  EXPECT_EQ(config->log_level, "info");
  EXPECT_TRUE(config->allow_origins.empty());
  EXPECT_TRUE(config->allow_hosts.empty());
  EXPECT_EQ(config->max_connections, 0u);
}

TEST(Config, AllowOriginIsRepeatableAndCommaSeparated) {
  auto config =
      parse({"--allow-origin", "http://localhost:3000/, https://App.example", "--allow-origin=*"},
            {{"SFN_ALLOW_ORIGIN", "http://ignored.example"}});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->allow_origins,
            (std::vector<std::string>{"http://localhost:3000", "https://app.example", "*"}));
  auto from_env = parse({}, {{"SFN_ALLOW_ORIGIN", "http://a.test,http://b.test:81"}});
  ASSERT_TRUE(from_env) << from_env.error();
  EXPECT_EQ(from_env->allow_origins,
            (std::vector<std::string>{"http://a.test", "http://b.test:81"}));
}

TEST(Config, AllowHostIsRepeatableAndCommaSeparated) {
  auto config = parse({"--allow-host", "sfn-local.test", "--allow-host=::1,*"});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->allow_hosts, (std::vector<std::string>{"sfn-local.test", "[::1]", "*"}));
  auto from_env = parse({}, {{"SFN_ALLOW_HOST", "Sfn.Test"}});
  ASSERT_TRUE(from_env) << from_env.error();
  EXPECT_EQ(from_env->allow_hosts, (std::vector<std::string>{"sfn.test"}));
}

TEST(Config, LambdaHandlersAreRepeatableFlagsOrSemicolonSeparatedInTheEnvironment) {
  auto config = parse({"--lambda", "greet=python3 h.py a,b", "--lambda=echo-1 = cat; cat"},
                      {{"SFN_LAMBDA", "ignored=cat"}});
  ASSERT_TRUE(config) << config.error();
  using Handlers = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(config->lambda_handlers,
            (Handlers{{"greet", "python3 h.py a,b"}, {"echo-1", "cat; cat"}}));
  auto from_env = parse({}, {{"SFN_LAMBDA", " a=cat ;b_2=node -e 'x=1'; "}});
  ASSERT_TRUE(from_env) << from_env.error();
  EXPECT_EQ(from_env->lambda_handlers, (Handlers{{"a", "cat"}, {"b_2", "node -e 'x=1'"}}));
  EXPECT_TRUE(parse({})->lambda_handlers.empty());
}

TEST(Config, LambdaEndpointFromTheFlagThenLambdaEndpointThenTheSdkVariables) {
  const Env all = {{"LAMBDA_ENDPOINT", "http://sfn-local-style:3001"},
                   {"AWS_ENDPOINT_URL_LAMBDA", "http://lambda-only:4000"},
                   {"AWS_ENDPOINT_URL", "https://everything:4566/prefix"}};
  auto flag = parse({"--lambda-endpoint", "http://127.0.0.1:3001"}, all);
  ASSERT_TRUE(flag) << flag.error();
  EXPECT_EQ(flag->lambda_endpoint, "http://127.0.0.1:3001");
  EXPECT_EQ(flag->lambda_endpoint_source, "--lambda-endpoint");
  auto sfn_local = parse({}, all);
  EXPECT_EQ(sfn_local->lambda_endpoint, "http://sfn-local-style:3001");
  EXPECT_EQ(sfn_local->lambda_endpoint_source, "LAMBDA_ENDPOINT");
  auto lambda_only = parse({}, {{"AWS_ENDPOINT_URL_LAMBDA", "http://lambda-only:4000"},
                                {"AWS_ENDPOINT_URL", "https://everything:4566/prefix"}});
  EXPECT_EQ(lambda_only->lambda_endpoint, "http://lambda-only:4000");
  auto everything = parse({}, {{"AWS_ENDPOINT_URL", "https://everything:4566/prefix"}});
  EXPECT_EQ(everything->lambda_endpoint, "https://everything:4566/prefix");
  EXPECT_EQ(everything->lambda_endpoint_source, "AWS_ENDPOINT_URL");
  EXPECT_TRUE(parse({})->lambda_endpoint.empty());
  for (const std::string bad : {"localhost:3001", "ftp://x/", "http://"}) {
    auto refused = parse({"--lambda-endpoint", bad});
    ASSERT_FALSE(refused) << bad;
    EXPECT_NE(refused.error().find("--lambda-endpoint"), std::string::npos) << refused.error();
  }
  auto bad_env = parse({}, {{"AWS_ENDPOINT_URL", "nope"}});
  ASSERT_FALSE(bad_env);
  EXPECT_NE(bad_env.error().find("AWS_ENDPOINT_URL"), std::string::npos) << bad_env.error();
}

TEST(Config, AnSdkEndpointVariableNamingThisServerIsNotTheLambdaEndpoint) {
  // AWS_ENDPOINT_URL set for the AWS CLI to reach sfn-local must not send Lambda calls back.
  for (const std::string self :
       {"http://localhost:8083", "http://127.0.0.1:8083/", "http://[::1]:8083"}) {
    auto c = parse({}, {{"AWS_ENDPOINT_URL", self}});
    ASSERT_TRUE(c) << c.error();
    EXPECT_TRUE(c->lambda_endpoint.empty()) << self;
    EXPECT_NE(c->lambda_endpoint_ignored.find("names this server"), std::string::npos) << self;
  }
  auto other_port = parse({}, {{"AWS_ENDPOINT_URL", "http://localhost:4566"}});
  EXPECT_EQ(other_port->lambda_endpoint, "http://localhost:4566");
  EXPECT_TRUE(other_port->lambda_endpoint_ignored.empty());
  auto moved = parse({"--port", "9000"}, {{"AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:9000"}});
  EXPECT_TRUE(moved->lambda_endpoint.empty());
  // An explicit choice is kept, even if odd.
  EXPECT_EQ(parse({"--lambda-endpoint", "http://localhost:8083"})->lambda_endpoint,
            "http://localhost:8083");
}

TEST(Config, CaBundleFromTheFlagOrAwsCaBundle) {
  EXPECT_EQ(parse({"--ca-bundle", "/etc/ca.pem"})->ca_bundle, "/etc/ca.pem");
  EXPECT_EQ(parse({}, {{"AWS_CA_BUNDLE", "/x.pem"}})->ca_bundle, "/x.pem");
  EXPECT_TRUE(parse({})->ca_bundle.empty());
}

TEST(Config, BadLambdaHandlersAreRefused) {
  const std::vector<std::vector<std::string>> bad = {{"--lambda", "nocommand"},
                                                     {"--lambda", "f="},
                                                     {"--lambda", "=cat"},
                                                     {"--lambda", "bad.name=cat"},
                                                     {"--lambda", std::string(65, 'a') + "=cat"},
                                                     {"--lambda", "f=cat", "--lambda", "f=tac"}};
  for (const auto& args : bad) {
    auto config = parse(args);
    EXPECT_FALSE(config) << args.back();
    if (!config) {
      EXPECT_NE(config.error().find("--lambda"), std::string::npos) << config.error();
    }
  }
  auto env = parse({}, {{"SFN_LAMBDA", "f=cat;g"}});
  ASSERT_FALSE(env);
  EXPECT_NE(env.error().find("SFN_LAMBDA"), std::string::npos) << env.error();
  EXPECT_FALSE(parse({}, {{"SFN_LAMBDA", " ; "}}));
}

TEST(Config, MaxConnections) {
  auto config = parse({"--max-connections", "50"});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->max_connections, 50u);
  auto from_env = parse({}, {{"SFN_MAX_CONNECTIONS", "7"}});
  ASSERT_TRUE(from_env) << from_env.error();
  EXPECT_EQ(from_env->max_connections, 7u);
}

TEST(Config, FlagsWithSpaceOrEquals) {
  auto config =
      parse({"--host", "0.0.0.0", "--port=9000", "--db", ":memory:", "--region=eu-west-2",
             "--account", "000000000000", "--wait-time-scale=0.5", "--log-level", "debug"});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->host, "0.0.0.0");
  EXPECT_EQ(config->port, 9000);
  EXPECT_EQ(config->db, ":memory:");
  EXPECT_EQ(config->deployment.region, "eu-west-2");
  EXPECT_EQ(config->deployment.account, "000000000000");
  EXPECT_EQ(config->wait_time_scale, 0.5);
  EXPECT_EQ(config->log_level, "debug");
}

TEST(Config, EnvironmentAndFlagsOverrideIt) {
  Env env{{"SFN_HOST", "::1"},
          {"SFN_PORT", "1234"},
          {"SFN_DB", "/data/x.db"},
          {"AWS_DEFAULT_REGION", "ap-south-1"},
          {"AWS_ACCOUNT_ID", "111122223333"},
          {"WAIT_TIME_SCALE", "0"},
          {"SFN_LOG_LEVEL", "warn"}};
  auto from_env = parse({}, env);
  ASSERT_TRUE(from_env) << from_env.error();
  EXPECT_EQ(from_env->host, "::1");
  EXPECT_EQ(from_env->port, 1234);
  EXPECT_EQ(from_env->db, "/data/x.db");
  EXPECT_EQ(from_env->deployment.region, "ap-south-1");
  EXPECT_EQ(from_env->deployment.account, "111122223333");
  EXPECT_EQ(from_env->wait_time_scale, 0.0);
  EXPECT_EQ(from_env->log_level, "warn");

  auto overridden = parse({"--port", "4321", "--log-level=error"}, env);
  ASSERT_TRUE(overridden) << overridden.error();
  EXPECT_EQ(overridden->port, 4321);
  EXPECT_EQ(overridden->log_level, "error");
  EXPECT_EQ(overridden->host, "::1");
}

TEST(Config, BadFlagsOverrideBadEnvironment) {
  auto config = parse({"--port", "80"}, {{"SFN_PORT", "not-a-port"}});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->port, 80);
}

TEST(Config, EmptyEnvironmentValuesAreUnset) {
  auto config = parse({}, {{"SFN_PORT", ""}, {"AWS_DEFAULT_REGION", ""}});
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->port, 8083);
  EXPECT_EQ(config->deployment.region, "us-east-1");
}

TEST(Config, LastOccurrenceWins) {
  auto config = parse({"--port", "1", "--port", "2"});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->port, 2);
}

TEST(Config, HelpAndVersion) {
  EXPECT_EQ(parse({"--help"})->action, Config::Action::kHelp);
  EXPECT_EQ(parse({"-h"})->action, Config::Action::kHelp);
  EXPECT_EQ(parse({"--version"})->action, Config::Action::kVersion);
  // Help does not validate the values it would not use.
  EXPECT_EQ(parse({"--help"}, {{"SFN_PORT", "x"}})->action, Config::Action::kHelp);
  EXPECT_NE(usage_text().find("--wait-time-scale"), std::string::npos);
  for (const char* flag : {"--allow-origin", "SFN_ALLOW_ORIGIN", "--allow-host", "SFN_ALLOW_HOST",
                           "--max-connections", "SFN_MAX_CONNECTIONS"}) {
    EXPECT_NE(usage_text().find(flag), std::string::npos) << flag;
  }
}

struct BadCase {
  std::vector<std::string> args;
  Env env;
  std::string message_part;
};

class ConfigErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ConfigErrors, AreReported) {
  auto config = parse(GetParam().args, GetParam().env);
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().find(GetParam().message_part), std::string::npos) << config.error();
}

INSTANTIATE_TEST_SUITE_P(
    All, ConfigErrors,
    ::testing::Values(
        BadCase{{"--bogus"}, {}, "unknown option '--bogus'"},
        BadCase{{"--bogus=1"}, {}, "unknown option '--bogus'"},
        BadCase{{"serve"}, {}, "unexpected argument 'serve'"},
        BadCase{{"-p", "1"}, {}, "unexpected argument '-p'"},
        BadCase{{"--port"}, {}, "--port needs a value"},
        BadCase{{"--help=yes"}, {}, "--help takes no value"},
        BadCase{{"--port", "abc"}, {}, "invalid value 'abc' for --port"},
        BadCase{{"--port", "65536"}, {}, "from 0 to 65535"},
        BadCase{{"--port", "-1"}, {}, "--port"}, BadCase{{"--port", "80x"}, {}, "--port"},
        BadCase{{"--port", "99999999999999999999999"}, {}, "--port"},
        BadCase{{}, {{"SFN_PORT", "http"}}, "invalid value 'http' for SFN_PORT"},
        BadCase{{"--wait-time-scale", "-0.5"}, {}, "--wait-time-scale"},
        BadCase{{"--wait-time-scale", "fast"}, {}, "--wait-time-scale"},
        BadCase{{"--wait-time-scale", "nan"}, {}, "--wait-time-scale"},
        BadCase{{"--wait-time-scale", "inf"}, {}, "--wait-time-scale"},
        BadCase{{"--wait-time-scale="}, {}, "--wait-time-scale"},
        BadCase{{}, {{"WAIT_TIME_SCALE", "-1"}}, "WAIT_TIME_SCALE"},
        BadCase{{"--log-level", "verbose"}, {}, "one of trace, debug, info, warn, error, off"},
        BadCase{{"--account", "12345"}, {}, "12-digit"},
        BadCase{{"--account", "12345678901a"}, {}, "12-digit"},
        BadCase{{}, {{"AWS_ACCOUNT_ID", "1234567890123"}}, "AWS_ACCOUNT_ID"},
        BadCase{{"--region", "US EAST"}, {}, "--region"}, BadCase{{"--host="}, {}, "--host"},
        BadCase{{"--db="}, {}, "--db"},
        BadCase{{"--allow-origin", "localhost:3000"},
                {},
                "invalid value 'localhost:3000' for --allow-origin"},
        BadCase{{"--allow-origin", "http://a.test/app"}, {}, "scheme://host[:port]"},
        BadCase{{"--allow-origin="}, {}, "--allow-origin"},
        BadCase{{"--allow-origin", ","}, {}, "--allow-origin"},
        BadCase{{},
                {{"SFN_ALLOW_ORIGIN", "http://ok.test,bad"}},
                "invalid value 'bad' for SFN_ALLOW_ORIGIN"},
        BadCase{{"--allow-host", "sfn:8083"}, {}, "without a port"},
        BadCase{{}, {{"SFN_ALLOW_HOST", "a b"}}, "SFN_ALLOW_HOST"},
        BadCase{{"--max-connections", "0"}, {}, "from 1 to 1000000"},
        BadCase{{"--max-connections", "1000001"}, {}, "--max-connections"},
        BadCase{{"--max-connections", "ten"}, {}, "--max-connections"},
        BadCase{{}, {{"SFN_MAX_CONNECTIONS", "-5"}}, "SFN_MAX_CONNECTIONS"}));

}  // namespace
}  // namespace sfn::app
