import { EventEmitter } from 'node:events';
import type { OpenDb } from '../db/client';
import type { Config } from './config';
import type { Clock } from './clock';
import type { DataKeys } from './privacy/crypto';

/** Everything a request handler may use; built once at start, or per test. */
export type AppDeps = {
  db: OpenDb;
  config: Config;
  keys: DataKeys;
  now: Clock;
  /** In-process bus for live updates (meeting events). */
  events: EventEmitter;
};
