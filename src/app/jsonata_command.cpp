#include "sfn/app/jsonata_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "sfn/expr/jsonata/program.h"

namespace sfn::app {
namespace {

int usage() {
  std::cerr
      << "usage: sfn-local jsonata '<expression>' [--input FILE|-] [--bindings '<json object>']\n"
         "       [--step-functions] [--max-depth N] [--timeout-ms MS]\n";
  return 2;
}

}  // namespace

int run_jsonata_command(int argc, char** argv) {
  std::string expression;
  bool have_expression = false;
  std::string input_path;
  std::string bindings_text;
  jsonata::CompileOptions options;
  jsonata::Limits limits;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--input" && i + 1 < argc) {
      input_path = argv[++i];
    } else if (a == "--bindings" && i + 1 < argc) {
      bindings_text = argv[++i];
    } else if (a == "--max-depth" && i + 1 < argc) {
      limits.max_depth = std::stoul(argv[++i]);
    } else if (a == "--timeout-ms" && i + 1 < argc) {
      limits.timeout = std::chrono::milliseconds(std::stol(argv[++i]));
    } else if (a == "--step-functions") {
      options.step_functions_functions = true;
    } else if (a == "--help" || a == "-h") {
      return usage();
    } else if (!have_expression) {
      expression = a;
      have_expression = true;
    } else {
      return usage();
    }
  }
  if (!have_expression) return usage();

  Json input;
  const Json* input_ptr = nullptr;
  if (!input_path.empty()) {
    std::string text;
    if (input_path == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(input_path, std::ios::binary);
      if (!in) {
        std::cerr << "cannot read input file " << input_path << "\n";
        return 1;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
    input = Json::parse(text, nullptr, false);
    if (input.is_discarded()) {
      std::cerr << "input is not valid JSON\n";
      return 1;
    }
    input_ptr = &input;
  }
  jsonata::Bindings bindings;
  if (!bindings_text.empty()) {
    Json b = Json::parse(bindings_text, nullptr, false);
    if (b.is_discarded() || !b.is_object()) {
      std::cerr << "--bindings must be a JSON object\n";
      return 1;
    }
    for (auto it = b.begin(); it != b.end(); ++it) bindings[it.key()] = it.value();
  }
  auto program = jsonata::Program::compile(expression, options);
  if (!program) {
    std::cerr << program.error().code << ": " << program.error().message << "\n";
    return 1;
  }
  auto result = program->evaluate(input_ptr, bindings, limits);
  if (!result) {
    std::cerr << result.error().code << ": " << result.error().message << "\n";
    return 1;
  }
  if (result->has_value()) {
    std::cout << result->value().dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return 0;
}

}  // namespace sfn::app
