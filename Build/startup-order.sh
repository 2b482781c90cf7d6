#!/usr/bin/env bash
# Writes, one a line, the functions a start of Huiwu runs, those most starts share first: the
# release link's --symbol-ordering-file (Makefile, STARTUPORDER), which places them side by side.
#
# Usage: Build/startup-order.sh [BINARY] > Build/startup.order   (or: make startup-order)
#
# Each start is run once under callgrind on a fresh demo office: --version, whoami, the week's
# meetings, a year's report, the first screen of every role the bench measures, and a
# secretary's first screen through a server. Needs valgrind, tmux and python3. The list only
# guides the linker: a name it no longer finds is passed over, so a list a few changes old
# still works, only less well.
set -euo pipefail
work=$(mktemp -d)
# Valgrind cannot read the debug information lld writes: the binary is profiled without it.
bin="$work/huiwu"
strip --strip-debug -o "$bin" "${1:-.build/static/release/huiwu}"
# A tmux server of its own, which knows only this script's environment.
tmux=(tmux -L "huiwu-order-$$" -f /dev/null)
trap '"${tmux[@]}" kill-server 2> /dev/null || true; rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" HUIWU_DB="$work/huiwu.sqlite" LANG=C.UTF-8 TERM=xterm-256color
unset HUIWU_SERVER HUIWU_NOW
"$bin" init > /dev/null
today=$(date +%F)

profile() {
    local name=$1; shift
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$name.cg" "$@" > /dev/null 2>&1
}
profile version "$bin" --version
profile whoami "$bin" whoami
profile week "$bin" meeting list --from "$today" --to "$(date -d "$today + 6 days" +%F)" --json
profile report "$bin" report --from "$(date +%Y)-01-01" --to "$today" --json

# A role's first screen. It is drawn once its keys show: the mayor's sign queue has
# 返回 (back), every home 机构 (the org chart), and the demo office asks its administrator
# 您是谁 (who are you).
first_screen() {
    local name=$1 environment=$2 login=$3
    "${tmux[@]}" new-session -d -s start -x 120 -y 40 \
        "env $environment valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/$name-$login.cg $bin --lang zh ${login:+--as $login} 2> /dev/null"
    for _ in $(seq 1 120); do
        "${tmux[@]}" capture-pane -p -t start | grep -q -e 返回 -e 机构 -e 您是谁 && break
        sleep 0.5
    done
    # Esc back to the home (from the mayor's queue, from the question), then q to quit.
    for _ in $(seq 1 30); do
        "${tmux[@]}" has-session -t start 2> /dev/null || break
        "${tmux[@]}" send-keys -t start Escape
        sleep 0.5
        "${tmux[@]}" send-keys -t start q
        sleep 1
    done
}
# The administrator, who ran init, starts without --as.
for login in zhoulixin chenhaifeng wangxiaoyan yangwentao lijing xuwenbo fangweiguo ""; do
    first_screen home "HUIWU_DB=$HUIWU_DB" "$login"
done

# The same first screen as a client of a server (the server itself is not profiled: it starts once).
"$bin" serve --db "$HUIWU_DB" --socket "$work/huiwu.sock" > /dev/null 2>&1 &
server=$!
for _ in $(seq 1 60); do [ -S "$work/huiwu.sock" ] && break; sleep 0.5; done
first_screen served "-u HUIWU_DB HUIWU_SERVER=$work/huiwu.sock" lijing
kill "$server"; wait "$server" 2> /dev/null || true

python3 - "$bin" "$work"/*.cg <<'PY'
import collections, os, re, sys

binary, profiles = os.path.basename(sys.argv[1]), sys.argv[2:]
shared = collections.Counter()
for path in profiles:
    objects, functions, current, ran = {}, {}, None, set()
    for line in open(path, errors="replace"):
        m = re.match(r"(c?ob|c?fn)=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
        if not m:
            continue
        kind, key, name = m.groups()
        table = objects if kind.endswith("ob") else functions
        if name:
            table[key] = name
        if kind == "ob":
            current = objects.get(key, "")
        elif kind == "fn" and current.endswith(binary):
            ran.add(functions[key])
    shared.update(ran)
# Most shared first, then by name so that the list is stable; callgrind marks recursion
# ('2) and code without a symbol (0x…), which the linker cannot place.
for name, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
    if "'" not in name and not name.startswith("0x"):
        print(name)
PY
