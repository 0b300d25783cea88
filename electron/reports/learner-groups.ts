import { randomUUID } from 'node:crypto';
import type { LearnerGroup } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';

/**
 * Named groups of learners ("Cooperativa Teixit, March workshop") that a manager keeps so reports
 * can show one workshop at a time. A learner may be in several groups; deleting a group or a
 * profile removes only the membership, never anyone's work.
 */

interface GroupRow {
  id: string;
  name: string;
  members: string | null;
}

const GROUP_SELECT = `SELECT g.id, g.name,
    (SELECT group_concat(learner_id, ',') FROM (
       SELECT m.learner_id FROM learner_group_members m JOIN learners l ON l.id = m.learner_id
       WHERE m.group_id = g.id ORDER BY l.display_name COLLATE NOCASE, l.id)) AS members
  FROM learner_groups g`;

function toGroup(row: GroupRow): LearnerGroup {
  return { id: row.id, name: row.name, memberIds: row.members ? row.members.split(',') : [] };
}

export function listGroups(db: Db): LearnerGroup[] {
  return (db.prepare(`${GROUP_SELECT} ORDER BY g.name COLLATE NOCASE, g.id`).all() as GroupRow[]).map(toGroup);
}

export function findGroup(db: Db, id: string): LearnerGroup | undefined {
  const row = db.prepare(`${GROUP_SELECT} WHERE g.id = ?`).get(id) as GroupRow | undefined;
  return row ? toGroup(row) : undefined;
}

function groupNotFound(): DomainRefusal {
  return new DomainRefusal('not-found', 'This group does not exist (any more).', { reason: 'group.not-found' });
}

/** The group with this id, or the not-found refusal. */
export function requireGroup(db: Db, id: string): LearnerGroup {
  const group = findGroup(db, id);
  if (!group) throw groupNotFound();
  return group;
}

/** Another group with this name, ignoring case (two groups a trainer cannot tell apart in a menu). */
export function findGroupByName(db: Db, name: string, exceptId?: string): LearnerGroup | undefined {
  const row = db.prepare(`${GROUP_SELECT} WHERE lower(g.name) = lower(?) AND g.id IS NOT ?`).get(name, exceptId ?? null) as
    GroupRow | undefined;
  return row ? toGroup(row) : undefined;
}

function refuseTakenName(db: Db, name: string, exceptId?: string): void {
  if (findGroupByName(db, name, exceptId)) {
    throw new DomainRefusal('conflict', `There is already a group called "${name}".`, {
      reason: 'group.name-taken',
      params: { name },
    });
  }
}

/** A new, empty group; refused when another group has the name. */
export function createGroup(db: Db, name: string, now = new Date()): LearnerGroup {
  return db.transaction(() => {
    refuseTakenName(db, name);
    const id = randomUUID();
    db.prepare('INSERT INTO learner_groups (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now.toISOString());
    return { id, name, memberIds: [] };
  })();
}

/** Renames a group; refused when another group has the name or the group is gone. */
export function renameGroup(db: Db, id: string, name: string): LearnerGroup {
  return db.transaction(() => {
    refuseTakenName(db, name, id);
    db.prepare('UPDATE learner_groups SET name = ? WHERE id = ?').run(name, id);
    return requireGroup(db, id);
  })();
}

export function deleteGroup(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM learner_groups WHERE id = ?').run(id).changes > 0;
}

/** Makes the group's members exactly these profiles (ids of profiles that do not exist are skipped). */
export function setGroupMembers(db: Db, id: string, learnerIds: readonly string[]): LearnerGroup {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM learner_groups WHERE id = ?').get(id)) throw groupNotFound();
    db.prepare('DELETE FROM learner_group_members WHERE group_id = ?').run(id);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO learner_group_members (group_id, learner_id) SELECT ?, id FROM learners WHERE id = ?',
    );
    for (const learnerId of learnerIds) insert.run(id, learnerId);
    return requireGroup(db, id);
  })();
}
