// `npm run db:migrate`: creates or upgrades the PostgreSQL schema of INDEX_BACKEND=postgres at DATABASE_URL
// (migrations/NNN_*.sql). Running it again does nothing. Exit 0: done; 1: the database refused (one line
// saying why and what to do); 2: a bad setting.
import { ConfigError, loadConfig } from '../src/config.ts';
import { isUserError } from '../src/errors.ts';
import { describeDatabase, migrate } from '../src/service/database.ts';

try {
  const config = loadConfig();
  if (config.DATABASE_URL === undefined) {
    throw new ConfigError(
      'DATABASE_URL',
      'Missing DATABASE_URL: `npm run db:migrate` needs it (postgres://user:password@host:5432/dbname). Set it in .env.',
    );
  }
  const result = await migrate(config.DATABASE_URL);
  const where = describeDatabase(config.DATABASE_URL);
  console.log(
    result.applied.length === 0
      ? `The database at ${where} is up to date (schema version ${result.version}).`
      : `Applied ${result.applied.join(', ')} to ${where} (schema version ${result.version}).`,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(isUserError(error) ? error.message : `db:migrate failed: ${(error as Error).message}`);
  process.exit(1);
}
