// `sfn-local jsonata '<expression>' [--input FILE|-] [--bindings '<json object>']`: evaluates one
// JSONata expression and prints the result as JSON (nothing when undefined). Errors go to stderr
// as "<CODE>: <message>" with exit status 1.
#pragma once

namespace sfn::app {

// argv[0] is "jsonata"; the rest are the command's arguments.
int run_jsonata_command(int argc, char** argv);

}  // namespace sfn::app
