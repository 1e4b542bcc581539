#!/usr/bin/env bash
# Proves docker-compose.yml and the Dockerfile by running them, on a machine where no image can
# be pulled: it builds look-alike base images under the names the project uses (a JRE/JDK image
# from a debootstrap root filesystem and the host's JDK; Keycloak from its Maven Central zip; Kafka
# from its own jars; a MongoDB STAND-IN on mongo-java-server), builds the service images from jars
# built on the host, runs the unchanged compose file, plays the seed story with Keycloak's tokens,
# restarts a service mid-flow, and tears down.
# Where no Docker engine can be started it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.decoop/compose-smoke"
project=decoop-smoke
mkdir -p "$work"
# Debian's docker CLI builds with BuildKit without the buildx plugin.
export PATH="/usr/bin:$PATH" DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1
step() { printf '\n== %s\n' "$*"; }
source scripts/jdk.sh
# The compose file has no default key (see .env.example): the proof makes one, as a user would.
export DECOOP_NOTIFICATION_SECRET_KEY="${DECOOP_NOTIFICATION_SECRET_KEY:-$(openssl rand -base64 32)}"

step "tools"
if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null \
   || ! command -v kcat >/dev/null || ! command -v jq >/dev/null || ! command -v unzip >/dev/null; then
  apt-get update -qq && apt-get install -y -qq docker.io docker-compose debootstrap kcat jq unzip >/dev/null
fi

step "Docker engine"
started_engine=""
if ! docker info >/dev/null 2>&1; then
  (dockerd > "$work/dockerd.log" 2>&1 &)
  started_engine=yes
  for _ in $(seq 1 30); do docker info >/dev/null 2>&1 && break; sleep 1; done
  if ! docker info >/dev/null 2>&1; then
    echo "SKIPPED: no Docker engine could be started here (see $work/dockerd.log)"
    exit 0
  fi
fi
compose() { docker-compose -p "$project" -f docker-compose.yml -f "$work/build-args.yml" "$@"; }
cleanup() {
  step "tear down"
  compose down -v --remove-orphans >/dev/null 2>&1 || true
  if [ -n "$started_engine" ]; then pkill dockerd || true; fi
}
trap cleanup EXIT

step "base images (cached between runs)"
if ! docker image inspect eclipse-temurin:21-jre >/dev/null 2>&1; then
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
  jdk="$JAVA_HOME"
  mkdir -p "$work/rootfs/opt/java"
  cp -aL "$jdk" "$work/rootfs/opt/java/openjdk" 2>/dev/null || true
  tar -C "$work/rootfs" -c . | docker import --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - eclipse-temurin:21-jre
  docker tag eclipse-temurin:21-jre eclipse-temurin:21-jdk
fi
echo "eclipse-temurin:21-jre/-jdk: look-alike (Debian bookworm + $(java -version 2>&1 | head -1))"

step "jars (built on the host: Maven cannot reach Central from containers here)"
[ -f local-stack/target/local-stack.jar ] && [ -f notification-service/target/notification-service.jar ] \
  && [ -f local-stack/target/keycloak/keycloak-quarkus-dist.zip ] \
  || ./mvnw -B -q -DskipTests package

step "look-alike Keycloak, Kafka and MongoDB stand-in"
for image in kafka mongo; do
  rm -rf "$work/$image" && mkdir -p "$work/$image/libs"
  cp scripts/compose-proof/$image/* "$work/$image/"
  cp local-stack/target/lib/*.jar local-stack/target/local-stack.jar "$work/$image/libs/"
done
rm -rf "$work/keycloak" && mkdir -p "$work/keycloak"
cp scripts/compose-proof/keycloak/Dockerfile "$work/keycloak/"
unzip -q local-stack/target/keycloak/keycloak-quarkus-dist.zip -d "$work/keycloak"
mv "$work/keycloak"/keycloak-*/ "$work/keycloak/keycloak"
keycloak_image=$(grep -o 'quay.io/keycloak/keycloak:[0-9.]*' docker-compose.yml)
docker build -q -t "$keycloak_image" "$work/keycloak" >/dev/null
echo "$keycloak_image: Keycloak from Maven Central's keycloak-quarkus-dist zip"
docker build -q -t apache/kafka:4.1.2 "$work/kafka" >/dev/null
docker build -q -t mongo:8.0 "$work/mongo" >/dev/null
echo "apache/kafka:4.1.2: Kafka $(ls local-stack/target/lib | grep -o 'kafka_2.13-[0-9.]*[0-9]' | head -1) from its own jars"
echo "mongo:8.0: a STAND-IN (mongo-java-server), not MongoDB"

step "compose up (the project's docker-compose.yml; the override sets build arguments only)"
cat > "$work/build-args.yml" <<YAML
services:
  partnership-service: {build: {args: {JAR_SOURCE: prebuilt}}}
  plan-service: {build: {args: {JAR_SOURCE: prebuilt}}}
  notification-service: {build: {args: {JAR_SOURCE: prebuilt}}}
YAML
compose down -v --remove-orphans >/dev/null 2>&1 || true
started=$(date +%s)
compose up -d --build
for service in keycloak kafka mongo partnership-service plan-service notification-service; do
  for _ in $(seq 1 120); do
    state=$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q $service)" 2>/dev/null || echo starting)
    [ "$state" = healthy ] && break
    sleep 2
  done
  echo "$service: $state"
  [ "$state" = healthy ] || { compose logs --tail=50 "$service"; exit 1; }
done
echo "all healthy after $(( $(date +%s) - started )) s"

step "the seed story through the published ports, with tokens fetched on the host"
P=http://localhost:8081; PL=http://localhost:8082; N=http://localhost:8083
token() {
  curl -sf -d grant_type=password -d client_id=decoop-cli -d username="$1" -d password=decoop \
    http://localhost:8180/realms/decoop/protocol/openid-connect/token | jq -r .access_token
}
EMBASSY=$(token embassy); SKGO=$(token skgo); NEVERS=$(token nevers)
json() { curl -sf -X POST "$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
status() { curl -s -o /dev/null -w '%{http_code}' -X POST "$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"; }
inbox=$(json $N/api/subscriptions "$SKGO" '{"subscriber": "compose smoke", "channel": "INBOX"}' | jq -r .id)
nevers=$(json $P/api/local-authorities "$EMBASSY" '{"code": "FR-NEVERS", "name": "Nevers", "country": "FR", "kind": "CITY"}' | jq -r .id)
mitrovica=$(json $P/api/local-authorities "$EMBASSY" \
  '{"code": "RS-SREMSKA-MITROVICA", "name": "Sremska Mitrovica", "country": "RS", "kind": "CITY"}' | jq -r .id)
establish="{\"partnerIds\": [\"$nevers\", \"$mitrovica\"], \"themes\": [\"YOUTH\"]}"
echo "anonymous establish: $(curl -s -o /dev/null -w '%{http_code}' -X POST $P/api/partnerships -H 'Content-Type: application/json' -d "$establish")"
test "$(curl -s -o /dev/null -w '%{http_code}' -X POST $P/api/partnerships -H 'Content-Type: application/json' -d "$establish")" = 401
partnership=$(json $P/api/partnerships "$NEVERS" "$establish" | jq -r .id)
json $P/api/partnerships/$partnership/dormancy "$NEVERS" '{"reason": "Inactive for several years"}' | jq -c '{status}'
draft="{\"year\": 2020, \"title\": \"Akcioni plan 2020\",
  \"parties\": [{\"code\": \"AMBAFRANCE-RS\", \"name\": \"Ambassade de France en Serbie\"}, {\"code\": \"SKGO\", \"name\": \"SKGO\"}],
  \"themes\": [\"YOUTH\"], \"activities\": [{\"title\": \"Restart\", \"theme\": \"YOUTH\", \"partnershipIds\": [\"$partnership\"]}]}"
plan=""
for _ in $(seq 1 30); do plan=$(json $PL/api/plans "$EMBASSY" "$draft" | jq -r .id) && break; sleep 1; done
echo "Nevers signing for SKGO: $(status $PL/api/plans/$plan/signatures "$NEVERS" '{"party": "SKGO"}')"
test "$(status $PL/api/plans/$plan/signatures "$NEVERS" '{"party": "SKGO"}')" = 403
json $PL/api/plans/$plan/signatures "$EMBASSY" '{"party": "AMBAFRANCE-RS"}' | jq -c '{status}'

step "restart plan-service mid-flow"
compose restart plan-service
for _ in $(seq 1 60); do
  [ "$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q plan-service)")" = healthy ] && break; sleep 2
done
json $PL/api/plans/$plan/signatures "$SKGO" '{"party": "SKGO"}' | jq -c '{status, signedBy: [.parties[].signedBy]}'

for _ in $(seq 1 30); do
  [ "$(curl -sf $P/api/partnerships/$partnership | jq -r .status)" = ACTIVE ] && break; sleep 1
done
curl -sf $P/api/partnerships/$partnership | jq -c '{status, planId: .history[-1].planId}'
test "$(curl -sf $P/api/partnerships/$partnership | jq -r .history[-1].planId)" = "$plan"

step "events, read from the host through the external listener (localhost:9094)"
kcat -C -b localhost:9094 -t plan-events -e -q -f '%k %h\n' | grep "$plan" | grep -o 'ce_type=[A-Za-z.]*\|ce_authtype=[a-z_]*'
test "$(kcat -C -b localhost:9094 -t plan-events -e -q -f '%k %h\n' | grep "$plan" | grep -c 'ce_type=org.decoop.PlanSigned,')" = 1
kcat -C -b localhost:9094 -t partnership-events -e -q -f '%k %h\n' | grep "$partnership" | grep -o 'ce_type=[A-Za-z.]*\|ce_authtype=[a-z_]*'
test "$(kcat -C -b localhost:9094 -t partnership-events -e -q -f '%k %h\n' | grep "$partnership" | grep 'PartnershipReactivated' | grep -c 'ce_authtype=system')" = 1

step "nothing lost, nothing doubled: the inbox"
for _ in $(seq 1 30); do
  [ "$(curl -sf -H "Authorization: Bearer $SKGO" "$N/api/subscriptions/$inbox/notifications?size=50" | jq '.page.totalElements')" -ge 7 ] && break; sleep 1
done
curl -sf -H "Authorization: Bearer $SKGO" "$N/api/subscriptions/$inbox/notifications?size=50" | jq -r '.content[].eventType' | sort | uniq -c
test "$(curl -sf -H "Authorization: Bearer $SKGO" "$N/api/subscriptions/$inbox/notifications?size=50" | jq '[.content[].eventId] | length == (unique | length)')" = true
echo "another user's inbox: $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $NEVERS" "$N/api/subscriptions/$inbox/notifications")"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $NEVERS" "$N/api/subscriptions/$inbox/notifications")" = 404
echo "compose smoke: PASSED"
