#!/usr/bin/env bash
# What the gateway adds to a request, measured on a RUNNING local stack (this script starts nothing):
# the same requests sent to partnership-service directly and through the gateway, interleaved, for
# several rounds (the machine is shared: one round alone says little, the spread says how noisy it was).
#
# Cases: a trivial GET (an unknown path under /api/partnerships: the service's 404, no database), a
# command refused before any work (POST /api/partnerships with a body that is not JSON: 400), and a
# command (POST /api/partnerships between two local authorities registered by this script: 201).
# Each case, each way: one connection sending sequentially (wrk -c1: latency p50/p99 on a kept-alive
# connection, what one client sees) and 16 connections (requests/s).
#
#   scripts/front-door-latency.sh [rounds] [seconds per run]
#
# Environment: GATEWAY (http://localhost:8080), DIRECT (http://localhost:8081), KEYCLOAK
# (http://localhost:8180), USERNAME (embassy, a steward), CONNECTIONS (16). Needs curl, jq, wrk.
set -euo pipefail

rounds=${1:-3}
seconds=${2:-5}
gateway=${GATEWAY:-http://localhost:8080}
direct=${DIRECT:-http://localhost:8081}
keycloak=${KEYCLOAK:-http://localhost:8180}
connections=${CONNECTIONS:-16}

for tool in curl jq wrk; do
	command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

token=$(curl -sf -d grant_type=password -d client_id=decoop-cli -d "username=${USERNAME:-embassy}" \
	-d password=decoop "$keycloak/realms/decoop/protocol/openid-connect/token" | jq -r .access_token)
[[ -n $token && $token != null ]] || { echo "no token from $keycloak" >&2; exit 2; }

run=$(date +%s)-$$
register() {
	curl -sf -X POST "$direct/api/local-authorities" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' \
		-d "{\"code\": \"$1-LAT-$run\", \"name\": \"Latency $run ($1)\", \"country\": \"$1\", \"kind\": \"MUNICIPALITY\"}" |
		jq -r .id
}
french=$(register FR)
serbian=$(register RS)
establish="{\"partnerIds\": [\"$french\", \"$serbian\"], \"since\": 2020, \"themes\": [\"CULTURE\"]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
post_script() { # $1 file, $2 body
	cat >"$1" <<-EOF
		wrk.method = "POST"
		wrk.body = [[$2]]
		wrk.headers["Content-Type"] = "application/json"
		wrk.headers["Authorization"] = "Bearer $token"
	EOF
}
post_script "$work/command.lua" "$establish"
post_script "$work/refused.lua" "not json"
echo 'wrk.headers["Accept"] = "application/json"' >"$work/trivial.lua"

declare -A paths=([trivial]=/api/partnerships/none/such [refused]=/api/partnerships [command]=/api/partnerships)

# wrk's latency figures to milliseconds
ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'
}

# one wrk run: prints "p50 p99 requests/s"
measure() { # $1 case, $2 base url, $3 connections
	local out
	out=$(wrk -t1 -c"$3" -d"${seconds}s" --latency -s "$work/$1.lua" "$2${paths[$1]}" 2>&1)
	local p50 p99 rps
	p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
	p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
	rps=$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' <<<"$out")
	echo "$(ms "$p50") $(ms "$p99") $rps"
}

results="$work/results"
printf '%-5s %-8s %-8s %-6s %9s %9s %9s  %s\n' round case way conns p50_ms p99_ms req/s load
for ((round = 1; round <= rounds; round++)); do
	# the order alternates: neither way always runs right after the other
	if ((round % 2)); then ways=(direct gateway); else ways=(gateway direct); fi
	for case in trivial refused command; do
		for conns in 1 "$connections"; do
			for way in "${ways[@]}"; do
				base=$direct
				[[ $way == gateway ]] && base=$gateway
				read -r p50 p99 rps < <(measure "$case" "$base" "$conns")
				load=$(cut -d' ' -f1 /proc/loadavg)
				printf '%-5s %-8s %-8s %-6s %9s %9s %9s  %s\n' "$round" "$case" "$way" "$conns" "$p50" "$p99" "$rps" "$load"
				echo "$round $case $way $conns $p50 $p99 $rps" >>"$results"
			done
		done
	done
done

# the median (and the extremes) of numbers, one a line
spread() {
	sort -n | awk '{ v[++n] = $1 } END { printf "%6.2f / %6.2f / %6.2f", v[1], v[int((n + 1) / 2)], v[n] }'
}
echo
echo "added by the gateway, one connection (gateway minus direct, paired by round): min / median / max over $rounds rounds"
for case in trivial refused command; do
	for column in 5 6; do
		label=$([[ $column == 5 ]] && echo p50 || echo p99)
		added=$(awk -v c="$case" -v q="$column" '$2 == c && $4 == 1 { v[$1, $3] = $q; r[$1] = 1 }
			END { for (i in r) print v[i, "gateway"] - v[i, "direct"] }' "$results" | spread)
		printf '  %-8s %s  %s ms\n' "$case" "$label" "$added"
	done
done
echo "requests/s with $connections connections: min / median / max over $rounds rounds"
for case in trivial refused command; do
	for way in direct gateway; do
		rate=$(awk -v c="$case" -v k="$connections" -v w="$way" '$2 == c && $4 == k && $3 == w { print $7 }' "$results" | spread)
		printf '  %-8s %-8s %s\n' "$case" "$way" "$rate"
	done
done
