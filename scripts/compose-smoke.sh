#!/usr/bin/env bash
# Proves docker-compose.yml and the Dockerfile by running them, on a machine where no image can
# be pulled: it builds look-alike base images under the names the project uses (a JRE/JDK image
# from a debootstrap root filesystem and the host's JDK; Keycloak from its Maven Central zip; Kafka
# from its own jars; a MongoDB STAND-IN, the development store of local-store), builds the service images from jars
# built on the host, runs the unchanged compose file (two instances of each service behind the gateway),
# plays the seed story through the gateway with Keycloak's tokens, kills one instance of each service
# (docker kill) mid-story and checks that the story still completes, and tears down.
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
# The compose file has no default secret (see .env.example): the proof makes them, as a user would.
export DECOOP_NOTIFICATION_SECRET_KEY="${DECOOP_NOTIFICATION_SECRET_KEY:-$(openssl rand -base64 32)}"
for secret in DECOOP_KAFKA_BROKER_PASSWORD DECOOP_KAFKA_PARTNERSHIP_SERVICE_PASSWORD DECOOP_KAFKA_PLAN_SERVICE_PASSWORD \
    DECOOP_KAFKA_NOTIFICATION_SERVICE_PASSWORD DECOOP_KAFKA_SUBSCRIBER_PASSWORD DECOOP_MONGO_ROOT_PASSWORD \
    DECOOP_MONGO_PARTNERSHIP_SERVICE_PASSWORD DECOOP_MONGO_PLAN_SERVICE_PASSWORD DECOOP_MONGO_NOTIFICATION_SERVICE_PASSWORD \
    DECOOP_CONSOLE_CLIENT_SECRET; do
  export "$secret=${!secret:-$(openssl rand -hex 24)}"
done

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
[ -f local-stack/target/local-stack.jar ] && [ -f local-store/target/local-store.jar ] \
  && [ -f notification-service/target/notification-service.jar ] && [ -f gateway/target/gateway.jar ] \
  && [ -f local-stack/target/keycloak/keycloak-quarkus-dist.zip ] && [ -f local-stack/target/zipkin/zipkin.jar ] \
  || ./mvnw -B -q -DskipTests package

step "look-alike Keycloak, Kafka and MongoDB stand-in"
# Kafka from the stack's jars (its own server classes and tools); the stand-in from local-store's alone
for image in kafka:local-stack mongo:local-store; do
  name=${image%%:*} module=${image#*:}
  rm -rf "$work/$name" && mkdir -p "$work/$name/libs"
  cp scripts/compose-proof/$name/* "$work/$name/"
  cp $module/target/lib/*.jar $module/target/$module.jar "$work/$name/libs/"
done
rm -rf "$work/keycloak" && mkdir -p "$work/keycloak"
cp scripts/compose-proof/keycloak/Dockerfile "$work/keycloak/"
unzip -q local-stack/target/keycloak/keycloak-quarkus-dist.zip -d "$work/keycloak"
mv "$work/keycloak"/keycloak-*/ "$work/keycloak/keycloak"
keycloak_image=$(grep -o 'quay.io/keycloak/keycloak:[0-9.]*' docker-compose.yml)
docker build -q -t "$keycloak_image" "$work/keycloak" >/dev/null
echo "$keycloak_image: Keycloak from Maven Central's keycloak-quarkus-dist zip"
rm -rf "$work/zipkin" && mkdir -p "$work/zipkin"
cp scripts/compose-proof/zipkin/Dockerfile local-stack/target/zipkin/zipkin.jar "$work/zipkin/"
zipkin_image=$(grep -o 'openzipkin/zipkin:[0-9.]*' docker-compose.yml)
docker build -q -t "$zipkin_image" "$work/zipkin" >/dev/null
echo "$zipkin_image: Zipkin from Maven Central's zipkin-server exec jar"
docker build -q -t apache/kafka:4.1.2 "$work/kafka" >/dev/null
docker build -q -t mongo:8.0 "$work/mongo" >/dev/null
echo "apache/kafka:4.1.2: Kafka $(ls local-stack/target/lib | grep -o 'kafka_2.13-[0-9.]*[0-9]' | head -1) from its own jars"
echo "mongo:8.0: a STAND-IN (local-store: mongo-java-server), not MongoDB: a one-member replica set that cannot elect"

step "compose up (the project's docker-compose.yml; the override sets build arguments, and MongoDB URIs for the stand-in)"
# The MongoDB stand-in (mongo-java-server) has no users and no authentication: the services get
# their URIs without credentials here, with the compose file's replica set and write concern. What
# this proof cannot check: that each service's MongoDB user reaches its own database only
# (mongo/create-users.js runs on a real mongo:8.0 only), and anything of replication: the stand-in
# answers as a one-member replica set, initiated by the compose healthcheck, but it cannot elect,
# and its majority reads and writes are plain ones.
instances="partnership-service-1 partnership-service-2 plan-service-1 plan-service-2 notification-service-1 notification-service-2"
{
  echo "services:"
  for instance in $instances; do
    database=$(case $instance in partnership*) echo partnerships;; plan*) echo plans;; *) echo notifications;; esac)
    echo "  $instance:"
    echo "    build: {args: {JAR_SOURCE: prebuilt}}"
    echo "    environment: {SPRING_MONGODB_URI: \"mongodb://mongo:27017/$database?replicaSet=rs0&w=majority&journal=true\"}"
  done
  echo "  gateway:"
  echo "    build: {args: {JAR_SOURCE: prebuilt}}"
} > "$work/build-args.yml"
compose down -v --remove-orphans >/dev/null 2>&1 || true
started=$(date +%s)
compose up -d --build
for service in keycloak kafka mongo $instances gateway; do
  for _ in $(seq 1 150); do
    state=$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q $service)" 2>/dev/null || echo starting)
    [ "$state" = healthy ] && break
    sleep 2
  done
  echo "$service: $state"
  [ "$state" = healthy ] || { compose logs --tail=50 "$service"; exit 1; }
done
echo "all healthy after $(( $(date +%s) - started )) s"

step "the seed story through the gateway (localhost:8080), with tokens fetched on the host"
G=http://localhost:8080; P=$G; PL=$G; N=$G
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

step "kill one instance of each service (SIGKILL, not restarted: docker kill counts as a stop) mid-story"
for instance in partnership-service-1 plan-service-2 notification-service-1; do
  docker kill "$(compose ps -q $instance)" >/dev/null && echo "killed $instance"
done
# the gateway sends what it cannot connect to to the other instance, at once and then for good
# (its health check drops the dead one within seconds); the story goes on through it
json $PL/api/plans/$plan/signatures "$SKGO" '{"party": "SKGO"}' | jq -c '{status, signedBy: [.parties[].signedBy]}'
for _ in $(seq 1 10); do
  test "$(curl -s -o /dev/null -w '%{http_code}' $P/api/partnerships/$partnership)" = 200
  test "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SKGO" $N/api/subscriptions/$inbox)" = 200
done
echo "10 reads of each through the gateway after the kills: all 200"

# a dead consumer's partitions go to the other instance once its Kafka session expires (45 s)
for _ in $(seq 1 120); do
  [ "$(curl -sf $P/api/partnerships/$partnership | jq -r .status)" = ACTIVE ] && break; sleep 1
done
curl -sf $P/api/partnerships/$partnership | jq -c '{status, planId: .history[-1].planId}'
test "$(curl -sf $P/api/partnerships/$partnership | jq -r .history[-1].planId)" = "$plan"

step "events, read from the host through the external SASL listener (localhost:9094), as the read-only principal subscriber"
# Kafka's own console tools (the jars the look-alike broker runs): Debian's kcat links librdkafka
# 2.0.2, which cannot do SCRAM with a Kafka 4 broker (fixed in librdkafka 2.6.1, kcat issue #462).
kafka_tool() { java -cp "local-stack/target/lib/*" "$@"; }
login() {
  printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";\n' "$1" "$2"
}
login subscriber "$DECOOP_KAFKA_SUBSCRIBER_PASSWORD" > "$work/subscriber.properties"
read_topic() {
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server localhost:9094 \
    --consumer.config "$work/subscriber.properties" --group "subscriber-compose-smoke-$1-$RANDOM" --topic "$1" \
    --from-beginning --timeout-ms 8000 --property print.headers=true --property print.key=true 2>/dev/null || true
}
read_topic plan-events > "$work/plan-events.txt"
read_topic partnership-events > "$work/partnership-events.txt"
grep "$plan" "$work/plan-events.txt" | grep -o 'ce_type:[A-Za-z.]*\|ce_authtype:[a-z_]*'
test "$(grep "$plan" "$work/plan-events.txt" | grep -c 'ce_type:org.decoop.PlanSigned,')" = 1
grep "$partnership" "$work/partnership-events.txt" | grep -o 'ce_type:[A-Za-z.]*\|ce_authtype:[a-z_]*'
test "$(grep "$partnership" "$work/partnership-events.txt" | grep 'PartnershipReactivated' | grep -c 'ce_authtype:system')" = 1
echo "subscriber producing to plan-events:"
echo forged | kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server localhost:9094 \
  --producer.config "$work/subscriber.properties" --topic plan-events > "$work/produce.log" 2>&1 || true
if grep -q 'AuthorizationException' "$work/produce.log"; then
  grep -o -m1 '[A-Za-z.]*AuthorizationException[^"]*' "$work/produce.log" | head -1
else
  echo "a produce as subscriber was not refused"; cat "$work/produce.log"; exit 1
fi
echo "no credentials:"
if command kcat -b localhost:9094 -L -m 5 >"$work/anonymous.log" 2>&1; then
  echo "the broker answered a client without credentials"; cat "$work/anonymous.log"; exit 1
fi
tail -1 "$work/anonymous.log"

step "nothing lost, nothing doubled: the inbox"
for _ in $(seq 1 120); do
  [ "$(curl -sf -H "Authorization: Bearer $SKGO" "$N/api/subscriptions/$inbox/notifications?size=50" | jq '.page.totalElements')" -ge 7 ] && break; sleep 1
done
curl -sf -H "Authorization: Bearer $SKGO" "$N/api/subscriptions/$inbox/notifications?size=50" | jq -r '.content[].eventType' | sort | uniq -c
test "$(curl -sf -H "Authorization: Bearer $SKGO" "$N/api/subscriptions/$inbox/notifications?size=50" | jq '[.content[].eventId] | length == (unique | length)')" = true
echo "another user's inbox: $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $NEVERS" "$N/api/subscriptions/$inbox/notifications")"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $NEVERS" "$N/api/subscriptions/$inbox/notifications")" = 404

step "one trace of the signing: the gateway, the command, its relay, the consumers (Zipkin on localhost:9411)"
trace=""
for _ in $(seq 1 60); do
  trace=$(curl -sf "http://localhost:9411/api/v2/traces?serviceName=plan-service&limit=50" \
    | jq -c 'map(select(any(.[]; .name == "http post /api/plans/{id}/signatures"))) | map(map(.localEndpoint.serviceName) | unique) | max_by(length)')
  [ "$trace" = '["gateway","notification-service","partnership-service","plan-service"]' ] && break; sleep 2
done
echo "services in the trace of a signature: $trace"
test "$trace" = '["gateway","notification-service","partnership-service","plan-service"]'
echo "compose smoke: PASSED"
