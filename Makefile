# pgpe: the two set-up commands are `make demo` and `make test` (see README.md).
.PHONY: demo test bench fuzz build clean

demo:
	scripts/demo.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh

# Every fuzz target for 5 minutes, optimized (`make test` runs each for 20 seconds).
fuzz:
	PGPE_FUZZ_OPTIMIZE=1 scripts/fuzz.sh run 300

build:
	scripts/deps.sh demo
	swift build -c release --product pgpe

clean:
	rm -rf .build
