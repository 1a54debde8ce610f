#include <cstdio>

int main() {
  std::puts("sfn-local " SFN_VERSION);
  return 0;
}
