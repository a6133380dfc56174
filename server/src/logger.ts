import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** JSON logs on standard output (or `destination`, for tests); secrets are redacted wherever they might appear. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'req.headers.authorization',
        'req.headers.cookie',
        'variables.password',
        'variables.input.password',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
