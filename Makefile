# pgpe: the two set-up commands are `make demo` and `make test` (see README.md).
.PHONY: demo test bench build clean

demo:
	scripts/demo.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh

build:
	scripts/deps.sh demo
	swift build -c release --product pgpe

clean:
	rm -rf .build
