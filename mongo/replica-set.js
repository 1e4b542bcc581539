// The mongo healthcheck (docker-compose.yml), run as root every few seconds. MongoDB runs as a
// replica set of one member, so that writes acknowledged with w=majority are durable and the
// outbox relay can read with majority read concern. The first check after the data volume is
// created initiates the set (only when MongoDB answers NotYetInitialized, so it is idempotent);
// the check passes once this member is PRIMARY and every service's user exists.
const set = process.env.DECOOP_MONGO_REPLICA_SET;
const member = process.env.DECOOP_MONGO_MEMBER;
const NOT_YET_INITIALIZED = 94;

let status;
try {
  status = db.adminCommand({ replSetGetStatus: 1 });
} catch (e) {
  status = { ok: 0, code: e.code, errmsg: e.message };
}
if (status.ok !== 1) {
  if (status.code !== NOT_YET_INITIALIZED) {
    // e.g. the image's first start, creating the users on a mongod without --replSet
    print(`not a replica set member yet: ${status.errmsg}`);
    quit(1);
  }
  db.adminCommand({ replSetInitiate: { _id: set, members: [{ _id: 0, host: member }] } });
  print(`initiated replica set ${set} with ${member}`);
  quit(1);
}
const hello = db.adminCommand({ hello: 1 });
if (hello.setName !== set || hello.isWritablePrimary !== true) {
  print(`not PRIMARY of ${set} yet`);
  quit(1);
}
for (const [user, database] of [['partnership-service', 'partnerships'], ['plan-service', 'plans'],
  ['notification-service', 'notifications']]) {
  if (db.getSiblingDB(database).getUser(user) === null) {
    print(`no user ${user} on ${database} (see mongo/create-users.js)`);
    quit(1);
  }
}
print(`PRIMARY of ${set}`);
