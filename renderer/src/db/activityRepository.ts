import {
  verifyActivityChain,
  type ChainVerification,
  type ActivityEntry,
} from '@shared/domain/activityLog';
import type { CaseStore } from './caseStore';

/** Reads the case's activity log. There is no way to change it: entries are only appended. */
export class ActivityRepository {
  constructor(private readonly store: CaseStore) {}

  /** The newest entries first. */
  latest(limit = 500): Promise<ActivityEntry[]> {
    return this.store.db.activity.orderBy('seq').reverse().limit(limit).toArray();
  }

  /** The number of the newest entry (0 for an empty log): it changes with every change to the case. */
  async lastSeq(): Promise<number> {
    return (await this.store.db.activity.orderBy('seq').last())?.seq ?? 0;
  }

  /** How many entries the log holds. */
  count(): Promise<number> {
    return this.store.db.activity.count();
  }

  /** Every entry that concerns one record, oldest first. */
  forRecord(recordId: string): Promise<ActivityEntry[]> {
    return this.store.db.activity.where('recordId').equals(recordId).sortBy('seq');
  }

  /** Checks the hash chain of the whole log. */
  async verify(): Promise<ChainVerification> {
    const entries = await this.store.db.activity.orderBy('seq').toArray();
    return verifyActivityChain(entries);
  }
}
