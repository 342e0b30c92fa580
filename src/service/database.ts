// What the command-line front ends may do with the database of INDEX_BACKEND=postgres (front ends reach the
// index layer only through the service): create or upgrade its schema (`npm run db:migrate`).
export { migrate, SCHEMA_VERSION, type MigrateResult } from '../index/postgres/migrate.ts';
export { describeDatabase } from '../index/postgres/connect.ts';
