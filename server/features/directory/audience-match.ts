import type { Audience } from '../../../shared/domain/notices/audience.ts';

/** The SQL expressions an audience is read from: bound parameters, or a JSON column. */
interface AudienceSource {
  everyone: string;
  departments: string;
  roles: string;
  people: string;
}

/**
 * Who matches an audience, as one SQL predicate over `u` (users). It is the only definition:
 * notices (at publish time and when someone joins later) and the launcher's catalog use it.
 */
function audienceMatch(a: AudienceSource): string {
  return `u.disabled = 0 AND (
  ${a.everyone} = 1
  OR u.department_id IN (SELECT value FROM json_each(${a.departments}))
  OR u.id IN (SELECT value FROM json_each(${a.people}))
  OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN (SELECT value FROM json_each(${a.roles}))))`;
}

/** Parameters @everyone, @departments, @roles, @people (JSON arrays): see `audienceParams`. */
export const AUDIENCE_MATCH_PARAMS = audienceMatch({
  everyone: '@everyone',
  departments: '@departments',
  roles: '@roles',
  people: '@people',
});

/** The audience kept as JSON in `column` (the shape of `Audience`). */
export function audienceMatchColumn(column: string): string {
  return audienceMatch({
    everyone: `json_extract(${column}, '$.everyone')`,
    departments: `json_extract(${column}, '$.departmentIds')`,
    roles: `json_extract(${column}, '$.roles')`,
    people: `json_extract(${column}, '$.userIds')`,
  });
}

export const audienceParams = (audience: Audience) => ({
  everyone: audience.everyone ? 1 : 0,
  departments: JSON.stringify(audience.departmentIds),
  roles: JSON.stringify(audience.roles),
  people: JSON.stringify(audience.userIds),
});
