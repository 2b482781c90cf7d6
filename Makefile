# Huiwu: build, man page, install.
#
#   make                       build the release binary
#   make install PREFIX=/usr/local   install binary, man page, Data/ and shell completions
#   make man                   regenerate docs/huiwu.1 from the command definitions
#   make startup-order         regenerate Build/startup.order from the release build's starts
#   make uninstall PREFIX=...  remove what install put there
#
# DESTDIR is honoured for packaging. CONFIGURATION=debug installs the debug build.

PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
SWIFT ?= swift
# The date printed in the man page; change it with the version (Sources/huiwu/Huiwu.swift).
MAN_DATE = 2026-03-02

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
DATADIR = $(DESTDIR)$(PREFIX)/share/huiwu
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
# A release build links the Swift runtime and Foundation statically: it starts 3× faster and
# holds less memory per user (docs/performance.md); its own build folder keeps `swift build`'s.
RELEASE = $(filter release,$(CONFIGURATION))
# The compiler calls each generic type's metadata accessor instead of writing its mangled
# name: at run time a mangled name is checked against the binary's 13,000 protocol
# conformances, and every start paid for dozens of such scans (the mayor's first screen
# takes a fifth fewer instructions without them: docs/performance.md). The flag reaches
# the packages too, where argument parsing is.
DIRECTACCESSORS = -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
# Each function gets a section of its own, and the linker (lld) puts those a start runs side
# by side, in the order of Build/startup.order (Build/startup-order.sh writes it). A start runs
# 820 KB of code scattered over 35 MB: each page it touched brought 64 KB into memory, and the
# mayor's home held 21.5 MB of code for it; now 5.8 MB (docs/performance.md).
STARTUPORDER = -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xswiftc -use-ld=lld \
	-Xlinker --symbol-ordering-file=$(CURDIR)/Build/startup.order -Xlinker --no-warn-symbol-ordering
# Two tables every start read in full, made small: the binary's 145,000 relative relocations
# are stored packed (RELR, glibc 2.36), 3.3 MB → 28 KB; and the binary exports no symbols (the
# Swift driver links executables with --export-dynamic; nothing here looks its own symbols up
# at run time), 4 MB of symbol tables that the loader and dladdr searched → 40 KB.
SMALLTABLES = -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic
BUILDFLAGS = $(if $(RELEASE),--static-swift-stdlib --scratch-path .build/static $(DIRECTACCESSORS) $(STARTUPORDER) $(SMALLTABLES))
BIN = $(if $(RELEASE),.build/static,.build)/$(CONFIGURATION)/huiwu

.PHONY: all build man startup-order install uninstall test

all: build

build:
	$(SWIFT) build -c $(CONFIGURATION) $(BUILDFLAGS) --product huiwu

# swift-argument-parser's manual plugin, reading the English half of each help text
# (HUIWU_MANUAL_LANG=en, see Sources/huiwu/Support/HelpText.swift).
man:
	HUIWU_MANUAL_LANG=en $(SWIFT) package generate-manual --configuration debug --date $(MAN_DATE)
	cp .build/plugins/GenerateManual/outputs/huiwu/huiwu.1 docs/huiwu.1

# Needs valgrind, tmux and python3; commit the list it writes.
startup-order: build
	Build/startup-order.sh $(BIN) > Build/startup.order.new && mv Build/startup.order.new Build/startup.order
	rm -f $(BIN)  # the build does not know the list is an input: the next one links again

install: build
	install -d $(BINDIR) $(MANDIR) $(DATADIR)/holidays $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -s -m 755 $(BIN) $(BINDIR)/huiwu
	install -m 644 docs/huiwu.1 $(MANDIR)/huiwu.1
	install -m 644 Data/office.json $(DATADIR)/office.json
	install -m 644 Data/holidays/*.json $(DATADIR)/holidays/
	$(BIN) --generate-completion-script bash > $(BASHDIR)/huiwu
	$(BIN) --generate-completion-script zsh > $(ZSHDIR)/_huiwu
	$(BIN) --generate-completion-script fish > $(FISHDIR)/huiwu.fish

uninstall:
	rm -f $(BINDIR)/huiwu $(MANDIR)/huiwu.1 $(BASHDIR)/huiwu $(ZSHDIR)/_huiwu $(FISHDIR)/huiwu.fish
	rm -rf $(DATADIR)

test:
	$(SWIFT) test
