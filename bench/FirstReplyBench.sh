#!/usr/bin/env bash
# First reply after a restart (issue 12: at most 2 s on a built data folder): starts `chat --json` afresh N times on
# one data folder and times the whole process for one message (JVM start, opening the index and the database,
# loading the stored intent models, answering). Run from the project root after `mvn -q -DskipTests package`.
# Usage: bench/FirstReplyBench.sh [N] [DATA_DIR]
set -euo pipefail
n="${1:-5}"
data="${2:-$(mktemp -d)}"
jar=target/fivestar-bot.jar
echo '{"user":"warm","text":"你好"}' | java -jar "$jar" --data "$data" chat --json >/dev/null 2>&1  # builds index, stores models
for msg in '你好' '社区有没有给老人送饭的？' '楼道灯坏了 幸福路12号院3号楼'; do
  times=()
  for _ in $(seq "$n"); do
    start=$(date +%s%N)
    printf '{"user":"b%s","text":"%s"}\n' "$RANDOM" "$msg" | java -jar "$jar" --data "$data" chat --json >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$msg: median ${sorted[$(( n / 2 ))]} ms, max ${sorted[$(( n - 1 ))]} ms (n=$n)"
done
