import { type PolicyKey, type PolicyValues, policyByKey, policyDefinitions } from './policy-definitions.ts';

export type PolicySourceName = 'machine' | 'user' | 'file';

/** One source's raw values by policy key, before validation. */
export interface PolicySource {
  name: PolicySourceName;
  values: Record<string, unknown>;
}

export interface PolicyRejection {
  source: PolicySourceName;
  key: string;
  reason: string;
}

export interface EffectivePolicy {
  values: PolicyValues;
  sourceOf: Partial<Record<PolicyKey, PolicySourceName>>;
  rejected: PolicyRejection[];
}

/**
 * The one precedence: machine policy (HKLM), then user policy (HKCU), then the policy file;
 * the first source with a *valid* value for a key wins, so a bad value in a stronger source
 * falls through to the next one instead of silently unsetting the policy. Invalid and unknown
 * values are reported, never thrown.
 */
export function resolvePolicy(sources: readonly PolicySource[]): EffectivePolicy {
  const values: Record<string, unknown> = {};
  const sourceOf: Partial<Record<PolicyKey, PolicySourceName>> = {};
  const rejected: PolicyRejection[] = [];
  for (const source of sources) {
    for (const [key, raw] of Object.entries(source.values)) {
      const definition = policyByKey.get(key);
      if (!definition) {
        rejected.push({ source: source.name, key, reason: 'unknown policy' });
        continue;
      }
      const parsed = definition.schema.safeParse(raw);
      if (!parsed.success) {
        rejected.push({ source: source.name, key, reason: parsed.error.issues.map((i) => i.message).join('; ') });
        continue;
      }
      if (key in values) continue;
      values[key] = parsed.data;
      sourceOf[key as PolicyKey] = source.name;
    }
  }
  return { values: values as PolicyValues, sourceOf, rejected };
}

/** Settings the user cannot change: mandatory policies, and the server address when changing it is off. */
export function lockedKeys(policy: EffectivePolicy): PolicyKey[] {
  const locked = policyDefinitions.filter((d) => d.mode === 'mandatory' && d.key in policy.values).map((d) => d.key);
  const serverLocked = policy.values.allowServerChange === false && policy.values.serverUrl !== undefined;
  return serverLocked ? [...locked, 'serverUrl'] : locked;
}
