#!/usr/bin/env bash
# First reply after a restart (issue 12: at most 2 s on a built data folder): starts `chat --json` afresh N times on
# one data folder and measures the time from starting the process to its first output line (JVM start, opening the
# database, loading the stored intent models, answering; the index opens in the background, so a question also
# waits for what is left of that). Run from the project root after `mvn -q -DskipTests package`.
# Usage: bench/FirstReplyBench.sh [N] [DATA_DIR]
set -euo pipefail
n="${1:-5}"
data="${2:-$(mktemp -d)}"
echo '{"user":"warm","text":"你好"}' | java -jar target/fivestar-bot.jar --data "$data" chat --json >/dev/null 2>&1  # builds index, stores models
python3 - "$n" "$data" <<'PY'
import json, subprocess, sys, time
n, data = int(sys.argv[1]), sys.argv[2]
for msg in ["你好", "社区有没有给老人送饭的？", "楼道灯坏了 幸福路12号院3号楼"]:
    times = []
    for i in range(n):
        start = time.monotonic()
        p = subprocess.Popen(["java", "-jar", "target/fivestar-bot.jar", "--data", data, "chat", "--json"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        p.stdin.write((json.dumps({"user": f"b{i}", "text": msg}, ensure_ascii=False) + "\n").encode())
        p.stdin.flush()
        p.stdout.readline()
        times.append((time.monotonic() - start) * 1000)
        p.stdin.close()
        p.wait()
    times.sort()
    print(f"{msg}: median {times[n // 2]:.0f} ms, max {times[-1]:.0f} ms (n={n})")
PY
