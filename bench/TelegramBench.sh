#!/usr/bin/env bash
# Telegram channel throughput: builds the jar and test classes, compiles the benchmark against them, runs it.
# Usage: bench/TelegramBench.sh [real|scripted] [chats] [messagesPerChat] [workers]   (from the project folder)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -DskipTests package
mkdir -p target/bench
javac -encoding UTF-8 -d target/bench -cp target/fivestar-bot.jar:target/test-classes \
  bench/src/cn/fivestar/channels/telegram/TelegramBench.java
FIVESTAR_LOG_LEVEL=${FIVESTAR_LOG_LEVEL:-WARN} \
  java -cp target/bench:target/test-classes:target/fivestar-bot.jar cn.fivestar.channels.telegram.TelegramBench "$@"
