# The two quick-start commands: `make run` and `make test`. Both install what is missing first.
PORT ?= 8083
JOBS ?= $(shell nproc)
DEBS := g++ cmake ninja-build make ccache python3 libboost1.81-dev nlohmann-json3-dev \
        libsqlite3-dev libspdlog-dev libgtest-dev libgmock-dev libssl-dev libexpected-dev \
        libbenchmark-dev libre2-dev awscli python3-boto3 nodejs
# The fuzz build (tests/fuzz): Debian's clang and its libFuzzer/sanitizer runtimes.
FUZZ_DEBS := clang-14 libclang-rt-14-dev
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?=

.PHONY: deps build run test debug bench fuzz-build fuzz-ci fuzz tsan format format-check clean

deps:
	@scripts/install-deps.sh $(DEBS)

build: deps
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSFN_BUILD_TESTS=OFF
	cmake --build build/release -j $(JOBS) --target sfn-local

run: build
	./build/release/sfn-local --port $(PORT)

# Debug build with AddressSanitizer + UndefinedBehaviorSanitizer, then every test.
test: deps
	cmake -S . -B build/debug -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSFN_SANITIZE=ON
	cmake --build build/debug -j $(JOBS)
	cd build/debug && ctest --output-on-failure -j $(JOBS)

bench: deps
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSFN_BUILD_TESTS=OFF
	cmake --build build/release -j $(JOBS)
	for b in build/release/bench/bench_*; do $$b; done

# libFuzzer targets (clang-14, ASan+UBSan): only the fuzz_* binaries and the libraries they link.
# The fuzz and TSan trees are unity builds (CMAKE_UNITY_BUILD: eight sources per compiler run,
# a third of the CPU time; they are built whole, not edited file by file). The sources keep
# that possible: no two files of one library define the same name in an anonymous namespace.
fuzz-build: deps
	@scripts/install-deps.sh $(FUZZ_DEBS)
	cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
	  -DSFN_FUZZ=ON -DSFN_BUILD_TESTS=OFF -DSFN_BUILD_BENCH=OFF -DCMAKE_UNITY_BUILD=ON
	cmake --build build/fuzz -j $(JOBS) --target fuzz_all

# CI: replay tests/fuzz/regressions, then fuzz every target for FUZZ_SECONDS; fails on a crash.
fuzz-ci: fuzz-build
	tests/fuzz/run_fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# A long local run, e.g. `make fuzz FUZZ_TARGETS=fuzz_jsonata FUZZ_SECONDS=600`.
fuzz: fuzz-ci

# ThreadSanitizer build of the engine, http and integrations unit tests (g++, -O0 with line
# tables: the cheapest build that gives TSan's reports file:line), and their run. The
# integrations tests cover the outbound HTTP client (strands, pool, canceller) and the process
# runner.
tsan: deps
	cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
	  -DSFN_TSAN=ON -DSFN_BUILD_BENCH=OFF -DCMAKE_UNITY_BUILD=ON
	cmake --build build/tsan -j $(JOBS) --target sfn_engine_tests sfn_http_tests sfn_integrations_tests
	cd build/tsan && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	  ctest --output-on-failure -R '^unit_(engine|http|integrations)$$'

format:
	find src include tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

format-check:
	find src include tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build
