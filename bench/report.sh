# Part of bench/run (sourced at its end): writes $OUT/RESULTS.md and $OUT/results.png from the
# figures the run collected. bench/findings.md (written by hand: what the profiles showed) is
# copied in at the end.

get() { field "$2" "$(grep "^$1 " "$WORK/wrk/results.txt" | cut -d' ' -f2-)"; }
CEILING_RPS=$(get ceiling rps)
ratio() { awk -v a="$1" -v b="$CEILING_RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
verdict() { awk "BEGIN { print ($1) ? \"met\" : \"**missed**\" }"; }

: >"$WORK/results.tsv"
TABLE=""
for name in ceiling s1-issue s2-first-page s2-deep-page s3-search s4-honor-roll; do
  rps=$(get $name rps)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$(ratio "$rps")" "$(get $name p50_ms)" "$(get $name p90_ms)" "$(get $name p99_ms)" >>"$WORK/results.tsv"
  service_cpu=$(get $name service_cpu_ms); [ "$name" = ceiling ] && service_cpu="–"
  TABLE+="| $name | $(get $name requests) | $rps | $(ratio "$rps") | $(get $name mean_ms) | $(get $name p50_ms) | $(get $name p90_ms) | $(get $name p95_ms) | $(get $name p99_ms) | $(get $name max_ms) | $service_cpu | $(get $name gateway_cpu_ms) | $(get $name pg_cpu_ms) |"$'\n'
done
java -Djava.awt.headless=true "$HERE/tools/Chart.java" "$WORK/results.tsv" "$OUT/results.png" \
  "bench/run ($MODE) $STARTED_AT: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s through the gateway, $(nproc) cores"

S1_RATIO=$(ratio "$(get s1-issue rps)")
S1_P99=$(get s1-issue p99_ms)
S2_FIRST=$(get s2-first-page p50_ms)
S2_DEEP=$(get s2-deep-page p50_ms)
S2_REL=$(awk -v a="$S2_DEEP" -v b="$S2_FIRST" 'BEGIN { printf "%.2f", a / b }')
S3_P95=$(get s3-search p95_ms)
S4_RATIO=$(ratio "$(get s4-honor-roll rps)")
S5_SECONDS=$(field all_sent_s "$S5")
S5_TOTAL=$(field total "$S5")
S5_DISTINCT=$(field distinct "$S5")
S5_REPEATED=$(field repeated "$S5")
S5_BAD=$(field bad_signatures "$S5")

START_ROWS="" WORST_START=0 WORST_RSS=0
for s in bulletin-service task-service honors-service distribution-service; do
  read -r rss pss <<<"${MEM[$s]}"
  median=$(echo "${STARTS_MS[$s]:-}" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  if [ -z "$median" ]; then median="not restarted (smoke)"; elif [ "$median" -gt "$WORST_START" ]; then WORST_START=$median; fi
  [ "$rss" -gt "$WORST_RSS" ] && WORST_RSS=$rss
  START_ROWS+="| $s | ${STARTS_MS[$s]:-}| $median | ${STARTS_CPU[$s]:-}| $((rss / 1024)) | $((pss / 1024)) |"$'\n'
done
for s in gateway postgresql; do
  read -r rss pss <<<"${MEM[$s]}"
  START_ROWS+="| $s (all its processes) | | | | $((rss / 1024)) | $((pss / 1024)) |"$'\n'
done

{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run\`$([ "$MODE" = smoke ] && echo " --smoke (tiny data, a smoke test of the harness: no figure here means anything)") on $STARTED_AT."
  echo "Issue 10's targets on this 2-core machine, each measured through the nginx gateway with wrk."
  echo "Throughput is also given as a ratio to the **ceiling**: the same gateway serving a static JSON file"
  echo "of the size of scenario 1's answer ($CEILING_BYTES bytes), measured in the same run with the same"
  echo "settings, because the machine is shared and noisy."
  echo
  echo "## Verdicts"
  echo
  echo "| scenario | target | measured | verdict |"
  echo "|---|---|---|---|"
  echo "| 1 published issue by id | ≥ 0.35 of the ceiling, p99 < 20 ms | $S1_RATIO, p99 $S1_P99 ms (bulletin-service's CPU: $(get s1-issue service_cpu_ms) ms a request) | $(verdict "$S1_RATIO >= 0.35 && $S1_P99 < 20") |"
  echo "| 2 newest page vs page $DEEP_PAGE | deep page within 20 % of the first (p50) | $S2_DEEP ms vs $S2_FIRST ms: ×$S2_REL | $(verdict "$S2_REL <= 1.2") |"
  echo "| 3 search, 2- and 4-character words | p95 < 50 ms | p95 $S3_P95 ms | $(verdict "$S3_P95 < 50") |"
  echo "| 4 public honor roll by district | ≥ 0.6 of the ceiling | $S4_RATIO | $(verdict "$S4_RATIO >= 0.6") |"
  echo "| 5 one issue to $S5_TOTAL webhooks ($(field via "$S5")) | all SENT within 20 s of publishing, each once | ${S5_SECONDS} s; $S5_DISTINCT distinct ids, $S5_REPEATED repeated, $S5_BAD bad signatures | $(verdict "$S5_SECONDS >= 0 && $S5_SECONDS <= 20 && $S5_REPEATED == 0 && $S5_DISTINCT == $S5_TOTAL") |"
  echo "| 6 start to first 200 | ≤ 1500 ms every service (median of $STARTS) | worst median $WORST_START ms | $(verdict "$WORST_START <= 1500") |"
  echo "| 6 memory after 1-4 | < 200 MiB RSS each service | worst $((WORST_RSS / 1024)) MiB | $(verdict "$WORST_RSS < 204800") |"
  echo "| 6 memory of the whole suite | < 1 GiB with gateway and PostgreSQL (PSS) | $((TOTAL_PSS / 1024)) MiB (RSS sum $((TOTAL_RSS / 1024)) MiB) | $(verdict "$TOTAL_PSS < 1048576") |"
  echo
  echo "![throughput and latency per scenario](results.png)"
  echo
  echo "## Scenarios 1-4 and the ceiling"
  echo
  echo "\`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s -s bench/tools/wrk.lua\` against the gateway, each after a ${WARMUP} s"
  echo "warm-up with the same settings; every request a random line of the scenario's request file; no"
  echo "socket error and no answer other than 2xx/3xx allowed (the run fails otherwise). Latencies in ms."
  echo "The last three columns are the CPU time (ms, all threads and processes, from /proc) used a request"
  echo "during the measured run by the service that answers, the gateway and PostgreSQL: unlike requests/s,"
  echo "they hardly depend on how busy the shared machine is."
  echo
  echo "| run | requests | requests/s | ratio to ceiling | mean | p50 | p90 | p95 | p99 | max | CPU service | CPU gateway | CPU PostgreSQL |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$TABLE"
  echo
  echo "- **ceiling**: \`GET /docs/ceiling.json\`, a copy of one scenario-1 answer served by the gateway from disk."
  echo "- **s1-issue**: \`GET /api/v1/bulletins/{id}\`, a reader's token, random ids of the $(wc -l <"$WORK/wrk/s1.paths") published issues, each read once before (the first reads, which render and store an issue, four at a time: $PRIME_COUNT in $PRIME_MS ms, $(( PRIME_MS * 4 / PRIME_COUNT )) ms each)."
  echo "- **s2-first-page**, **s2-deep-page**: \`GET /api/v1/bulletins?limit=20\`, and the same with the cursor of page $DEEP_PAGE (keyset)."
  echo "- **s3-search**: \`GET /api/v1/bulletins/search?q=\` with $(wc -l <"$WORK/wrk/s3.paths") common words of two and four characters."
  echo "- **s4-honor-roll**: \`GET /api/v1/honor-roll?district=\` for each of the 16 districts, no token (public; the gateway keeps it 5 s)."
  echo
  echo "## Scenario 5: one issue to $S5_TOTAL webhook recipients"
  echo
  echo "\`bench/tools/Dispatch.java\`: a webhook receiver on 127.0.0.1 that checks every signature and counts every"
  echo "\`X-Wenming-Delivery\` id; $ORGS organizations with a webhook each and $LISTS distribution lists created through the"
  echo "API (one organization in ten is on two lists, so the dispatch has to de-duplicate); one issue naming the lists"
  echo "written, submitted and approved; then published, which leads to the dispatch through bulletin-service's outbox"
  echo "(via=outbox; via=direct means none came within 30 s and the dispatch was posted by the harness), whose counts"
  echo "are polled every 100 ms. distribution-service runs with its default delivery settings; only"
  echo "\`DISTRIBUTION_WEBHOOK_ALLOWED_HOSTS=127.0.0.1\` is set, for this run."
  echo
  echo '```'
  echo "$S5"
  echo '```'
  echo
  echo "From the publish request: publish_s its answer, dispatched_s until the dispatch was seen, all_sent_s until the poll"
  echo "that saw every delivery SENT, receiver_last_s until the last new id reached the receiver. setup_s: creating"
  echo "the organizations and lists (not timed by the target)."
  echo
  echo "## Scenario 6: start and memory"
  echo
  echo "Each service stopped and started again alone ($STARTS times), by the launcher with its usual flags, while the"
  echo "others run: milliseconds from starting the process to its first 200 on a real API read"
  echo "(\`?limit=1\` of bulletin-series, work-plans, honor-roll, organizations), polled every 5 ms; beside it the CPU"
  echo "time (all threads) the process had used by then, which does not depend on how busy the machine is. Memory was read"
  echo "from /proc after scenarios 1-4, before any restart: RSS, and PSS (shared pages divided among the"
  echo "processes that share them, so PostgreSQL's shared buffers count once)."
  echo
  echo "| process | starts, ms | median ms | CPU ms used by the first 200 | RSS MiB | PSS MiB |"
  echo "|---|---|---|---|---|---|"
  printf '%s' "$START_ROWS"
  echo "| **whole suite** | | | | $((TOTAL_RSS / 1024)) | **$((TOTAL_PSS / 1024))** |"
  echo
  echo "## Data"
  echo
  echo "Loaded with SQL in ${LOAD_SECONDS} s (\`bench/search/load.sql\`, \`bench/data/task.sql\`, \`bench/data/honors.sql\`; text"
  echo "made of the seed issue's sentences): $DATA_BULLETIN; $DATA_TASK; $DATA_HONORS;"
  echo "$ORGS organizations on $LISTS lists through the API (scenario 5)."
  echo
  echo "## Machine"
  echo
  echo '```'
  echo "nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  free -h | head -2
  echo "load average at the start: $LOAD_AT_START; at the end: $LOAD_AT_END (other builds share the machine)"
  "$JAVA" -version 2>&1 | head -1
  echo "$(wrk -v 2>&1 | head -1 | cut -c1-60); $(/usr/sbin/nginx -v 2>&1 || nginx -v 2>&1)"
  echo "PostgreSQL $(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml) (embedded, as ./suite run starts it)"
  echo "services: java $JVM_OPTIONS -jar quarkus-run.jar (Suite.JVM_OPTIONS; the classes of the first run archived: AppCDS before JDK 25, an AOT cache from 25 on)"
  echo '```'
  echo
  echo "## Commands"
  echo
  echo '```'
  echo "$([ "$JAVA" != java ] && echo "BENCH_JAVA=$JAVA ")bench/run$([ "$MODE" = smoke ] && echo " --smoke")    # THREADS=$THREADS CONNECTIONS=$CONNECTIONS DURATION=$DURATION WARMUP=$WARMUP STARTS=$STARTS"
  echo '```'
  echo
  cat "$HERE/findings.md"
} >"$OUT/RESULTS.md"
