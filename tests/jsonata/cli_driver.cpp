// Stand-alone driver for the `jsonata` command, so the command can be tested before (and
// independently of) the full sfn-local binary: `sfn_jsonata_cli jsonata '<expr>' ...`.
#include "sfn/app/jsonata_command.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  return sfn::app::run_jsonata_command(argc - 1, argv + 1);
}
