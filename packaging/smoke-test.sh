#!/usr/bin/env bash
# Checks the app image that package.sh built: its launcher starts headless, prints the listening
# line, answers a heartbeat, groups an error report and a Sentry envelope of one bug into one issue,
# answers 90 days of active machines, and stops cleanly on SIGTERM. Loopback only.
# Usage: packaging/smoke-test.sh [launcher [flags...]]
#   default: packaging/target/Beacon/bin/Beacon --headless; also: packaging/target/Beacon/bin/beacon-server
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if (($#)); then
  launcher="$1"
  shift
  flags=("$@")
else
  launcher="$here/target/Beacon/bin/Beacon"
  flags=(--headless)
fi
[[ -x "$launcher" ]] || { echo "smoke-test: no launcher at $launcher (run packaging/package.sh)" >&2; exit 1; }

work="$(mktemp -d)"
log="$work/server.log"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

password="smoke-test-password"
start=$(date +%s%N)
BEACON_ADMIN_ACCOUNT=admin BEACON_ADMIN_PASSWORD="$password" \
  "$launcher" "${flags[@]}" --host 127.0.0.1 --port 0 --data "$work/data" >"$log" 2>&1 &
pid=$!

base=""
for _ in $(seq 1 600); do
  if line=$(grep -m1 -o 'listening on http://[^ ]*' "$log"); then
    base="${line#listening on }"
    break
  fi
  kill -0 "$pid" 2>/dev/null || { echo "smoke-test: the server exited:"; cat "$log"; exit 1; }
  sleep 0.1
done
[[ -n "$base" ]] || { echo "smoke-test: no listening line after 60 s:"; cat "$log"; exit 1; }
echo "smoke-test: listening on $base after $(( ($(date +%s%N) - start) / 1000000 )) ms"

json() { curl -sS --max-time 20 -H 'Content-Type: application/json' "$@"; }
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

login=$(json -d "{\"account\":\"admin\",\"password\":\"$password\"}" "$base/v1/auth/login")
open_id=$(field openId <<<"$login")
token=$(field token <<<"$login")
[[ -n "$token" ]] || { echo "smoke-test: login failed: $login"; exit 1; }

app=$(json -H "X-Auth-Token: $token" -H "X-Openid: $open_id" \
  -d '{"name":"smoke","platform":3}' "$base/v1/user/$open_id/app")
key=$(field appKey <<<"$app")
[[ -n "$key" ]] || { echo "smoke-test: app creation failed: $app"; exit 1; }

beat=$(json -d "{\"app_key\":\"$key\",\"machine_id\":\"smoke-machine\",\"version\":\"1.0.0\"}" "$base/api/v1/user/heartbeat")
[[ "$beat" == *'"recorded":true'* ]] || { echo "smoke-test: heartbeat not recorded: $beat"; exit 1; }
echo "smoke-test: heartbeat answered $beat"

# One bug, reported by the telemetry API's error report and by a Sentry SDK's envelope (gzip, the
# DSN's key in X-Sentry-Auth, the type and its module apart as the Java SDK sends them): one issue.
# (package.sh records the classes this run loads into the launchers' class data archives, so the
# ingest and query paths below start from the archive too.)
report=$(json -d "{\"app_key\":\"$key\",\"machine_id\":\"smoke-machine\",\"software_version\":\"1.0.0\",\"error_type\":\"java.lang.IllegalStateException\",\"error_message\":\"smoke\",\"error_stack\":\"\\tat com.acme.App.run(App.java:10)\",\"os_info\":\"Linux\"}" \
  "$base/api/v1/error/report")
[[ "$report" == *'"recorded":true'* ]] || { echo "smoke-test: error report not recorded: $report"; exit 1; }
dsn=$(field dsn <<<"$app")
sentry_key="${dsn#*://}"
sentry_key="${sentry_key%%@*}"
event_id=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
envelope=$(printf '{"event_id":"%s"}\n{"type":"event"}\n{"event_id":"%s","platform":"java","level":"error","release":"smoke@1.0.0","user":{"id":"smoke-machine"},"exception":{"values":[{"type":"IllegalStateException","value":"smoke","module":"java.lang","stacktrace":{"frames":[{"module":"com.acme.App","function":"run","filename":"App.java","lineno":10,"in_app":true}]}}]}}\n' \
  "$event_id" "$event_id" | gzip -c | curl -sS --max-time 20 -H 'Content-Type: application/x-sentry-envelope' -H 'Content-Encoding: gzip' \
  -H "X-Sentry-Auth: Sentry sentry_version=7, sentry_key=$sentry_key, sentry_client=smoke-test/1.0" --data-binary @- "$base/api/${dsn##*/}/envelope/")
[[ "$envelope" == "{\"id\":\"$event_id\"}" ]] || { echo "smoke-test: Sentry envelope not accepted: $envelope"; exit 1; }
auth=(-H "X-Auth-Token: $token" -H "X-Openid: $open_id")
app_id=$(field appId <<<"$app")
issues=$(curl -sS --max-time 20 "${auth[@]}" "$base/v1/user/$open_id/app/$app_id/issues?orderBy=count:desc")
[[ "$issues" == *'"totalCount":1,'* && "$issues" == *'"count":2,'* ]] \
  || { echo "smoke-test: the report and the envelope are not one issue of two events: $issues"; exit 1; }
echo "smoke-test: an error report and a Sentry envelope of one bug made one issue"
# (the app's days are in its zone: the machine's day is today or a neighbour of today in UTC)
stats=$(curl -sS --max-time 20 "${auth[@]}" \
  "$base/v1/user/$open_id/app/$app_id/stats/active?from=$(date -u -d '90 days ago' +%F)&to=$(date -u -d tomorrow +%F)")
[[ "$stats" == *'"dau":1,'* && "$stats" != *'"dau":2'* ]] || { echo "smoke-test: no day with the one active machine: ${stats: -300}"; exit 1; }
echo "smoke-test: 90 days of active machines answered, the heartbeat's machine counted"

kill -TERM "$pid"
for _ in $(seq 1 300); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "smoke-test: the server did not stop within 30 s of SIGTERM"; exit 1
fi
wait "$pid" 2>/dev/null || true
pid=""
grep -q "Beacon stopped" "$log" || { echo "smoke-test: no clean stop:"; cat "$log"; exit 1; }
echo "smoke-test: $(basename "$launcher") stopped cleanly"
