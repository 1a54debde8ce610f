# The two quick-start commands: `make run` and `make test`. Both install what is missing first.
PORT ?= 8083
JOBS ?= $(shell nproc)
DEBS := g++ cmake ninja-build make ccache python3 libboost1.81-dev nlohmann-json3-dev \
        libsqlite3-dev libspdlog-dev libgtest-dev libgmock-dev libssl-dev libexpected-dev \
        libbenchmark-dev libre2-dev awscli python3-boto3

.PHONY: deps build run test debug bench format format-check clean

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

format:
	find src include tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

format-check:
	find src include tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build
