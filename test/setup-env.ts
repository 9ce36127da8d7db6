/**
 * Runs before every test file (see jest.config.js): no Apollo telemetry
 * leaves the machine, and loggers stay quiet unless a test asks otherwise.
 */
process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';
