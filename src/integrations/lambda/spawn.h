// posix_spawn of `/bin/sh -c COMMAND` with three pipes, in a new process group, with default
// signal dispositions and mask, and no descriptor of the server but the three pipes.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace sfn::integrations::lambda {

struct Spawned {
  pid_t pid = -1;
  int in = -1, out = -1, err = -1;  // the parent's ends (close-on-exec)
  std::string error;                // set when pid == -1
};

Spawned spawn_shell(const std::string& command,
                    const std::vector<std::pair<std::string, std::string>>& env);

// pidfd_open(pid), or -1 where the kernel lacks it.
int open_pidfd(pid_t pid);

}  // namespace sfn::integrations::lambda
