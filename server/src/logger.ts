import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** JSON logs; secrets are redacted wherever they might appear. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
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
  });
}
