/**
 * Shared builds for the live view (issue 12). On a change in an overleg every subscriber wakes at
 * once; built one by one, 50 subscribers cost the chair's own tick hundreds of milliseconds. Here
 * a value built for one key (a visibility class, ../privacy/visibility-class.ts) is reused by the
 * other subscribers that wake for the same change, and their reads of personal data are audited
 * (P6: one row per subscriber, as before) in one transaction instead of one commit each.
 *
 * A shared value lives until the next event on the team's channel (every subscriber's listener
 * calls `liveChanged`) and at most until the end of the current turn of the event loop, so a
 * change without an event (a renamed partner, the date rolling over) is never served from memory
 * to a later build.
 */
import type { EventEmitter } from 'node:events';
import { appendAuditRows, type AuditEntry } from '../audit';
import { noteMassReads } from '../privacy/mass-read';
import type { AppDeps } from '../deps';
import type { Db } from '../../db/client';

type Hub = {
  epoch: number;
  memo: Map<string, { epoch: number; value: unknown }>;
  clearing: boolean;
  pending: { at: Date; entry: AuditEntry }[];
  /** Other writes of the same reads (P12 disclosures of the shared builds), in the same transaction. */
  writes: ((db: Db) => void)[];
  flushing: boolean;
  builds: number;
};

const hubs = new WeakMap<EventEmitter, Hub>();

function hubOf(deps: AppDeps): Hub {
  let hub = hubs.get(deps.events);
  if (!hub)
    hubs.set(deps.events, (hub = { epoch: 0, memo: new Map(), clearing: false, pending: [], writes: [], flushing: false, builds: 0 }));
  return hub;
}

/** An event on the team's channel: what was built before it is stale. */
export function liveChanged(deps: AppDeps): void {
  hubOf(deps).epoch++;
}

/** The snapshot for `key` built since the last change in this turn, or a new one from `build`. */
export function sharedBuild<T>(deps: AppDeps, key: string, build: () => T): T {
  return sharedValue(deps, key, build, true);
}

/**
 * Like sharedBuild, for a part of a snapshot that is the same for every class (it holds no
 * personal data), e.g. the werkafspraken of the overleg: not counted as a build of its own.
 */
export function sharedValue<T>(deps: AppDeps, key: string, build: () => T, counted = false): T {
  const hub = hubOf(deps);
  const hit = hub.memo.get(key);
  if (hit && hit.epoch === hub.epoch) return hit.value as T;
  const value = build();
  if (counted) hub.builds++;
  hub.memo.set(key, { epoch: hub.epoch, value });
  if (!hub.clearing) {
    hub.clearing = true;
    setImmediate(() => {
      hub.memo.clear();
      hub.clearing = false;
    });
  }
  return value;
}

/**
 * Audits one subscriber's read. The rows of all subscribers woken by the same change are written
 * together, in one transaction, before any of their snapshots leaves the process (the flush runs
 * as a microtask queued behind the woken streams, ahead of the writes to their sockets).
 */
export function auditLiveRead(deps: AppDeps, entry: AuditEntry): void {
  const hub = hubOf(deps);
  hub.pending.push({ at: deps.now(), entry });
  scheduleFlush(deps, hub);
}

/**
 * Another write that belongs to the reads of this change (the disclosures of a shared build, P12):
 * in the same transaction as the audit rows. With synchronous=FULL every commit is a sync to disk,
 * and one per visibility class cost the chair's tick more than all the builds together.
 */
export function deferLiveWrite(deps: AppDeps, write: (db: Db) => void): void {
  const hub = hubOf(deps);
  hub.writes.push(write);
  scheduleFlush(deps, hub);
}

function scheduleFlush(deps: AppDeps, hub: Hub): void {
  if (hub.flushing) return;
  hub.flushing = true;
  queueMicrotask(() => {
    hub.flushing = false;
    const rows = hub.pending.splice(0);
    const writes = hub.writes.splice(0);
    try {
      deps.db.transaction((tx) => {
        for (const write of writes) write(tx);
        appendAuditRows(tx, rows);
        // The mass-read alert counts each subscriber's own reads (P6): the shared build could not.
        // One count for all subscribers of a team (they read at the same change).
        const readers = new Map<number, { at: Date; userIds: number[] }>();
        for (const { at, entry } of rows) {
          if (typeof entry.actorId !== 'number' || typeof entry.teamId !== 'number') continue;
          const team = readers.get(entry.teamId) ?? { at, userIds: [] };
          if (at > team.at) team.at = at;
          team.userIds.push(entry.actorId);
          readers.set(entry.teamId, team);
        }
        for (const [teamId, { at, userIds }] of readers) noteMassReads(tx, at, teamId, userIds);
      });
    } catch (error) {
      console.error('[live] audit of live reads failed:', error);
    }
  });
}

/** How many live values were built (not reused) on this bus: for tests of the sharing. */
export function liveBuildCount(deps: AppDeps): number {
  return hubOf(deps).builds;
}
