#!/bin/bash
# Stand-in for mongo:8.0's entrypoint: `mongod FLAGS` starts the stand-in with those flags. It runs
# no /docker-entrypoint-initdb.d scripts: the stand-in has no users.
set -e
if [ "$1" = mongod ]; then
  shift
  exec java -Xmx384m -cp '/opt/stand-in/libs/*' org.decoop.localstore.MongoStandIn --port 27017 --dbpath /data/db "$@"
fi
exec "$@"
