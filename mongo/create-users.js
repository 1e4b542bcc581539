// Run once by the mongo image when its data volume is new (/docker-entrypoint-initdb.d): one user
// per service, with access to that service's own database only. Passwords come from the
// environment (docker-compose.yml, .env); a service never sees another's database.
const users = [
  ['partnership-service', 'partnerships', process.env.DECOOP_MONGO_PARTNERSHIP_SERVICE_PASSWORD],
  ['plan-service', 'plans', process.env.DECOOP_MONGO_PLAN_SERVICE_PASSWORD],
  ['notification-service', 'notifications', process.env.DECOOP_MONGO_NOTIFICATION_SERVICE_PASSWORD],
];
for (const [user, database, password] of users) {
  if (!password) {
    throw new Error(`no password for ${user}: set DECOOP_MONGO_${user.toUpperCase().replace(/-/g, '_')}_PASSWORD`);
  }
  db.getSiblingDB(database).createUser({ user, pwd: password, roles: [{ role: 'readWrite', db: database }] });
}
