/**
 * The MSI's policy properties, generated from the policy definitions (so the MSI, the ADMX and the
 * app's reader cannot drift): for each property IT may pass on the msiexec command line,
 * - a secure public property (in SecureCustomProperties), so a managed install (SCCM, Intune, a
 *   GPO software install, all running msiexec as SYSTEM) passes it to the elevated part;
 * - a launch condition that refuses a value the app would ignore (AUTOSTART=yes fails the
 *   install with a message in the log instead of installing a machine without the setting);
 * - a component per value, conditioned on the property, that writes it under
 *   HKLM\SOFTWARE\Policies\Portico;
 * - a registry search plus a set-property action that keeps the installed value on a major
 *   upgrade when the new msiexec command line does not repeat it.
 */
import { createHash } from 'node:crypto';
import { type MsiProperty, type PolicyDefinition, policyDefinitions } from '../../electron/core/policy/policy-definitions.ts';
import { POLICY_KEY_PATH } from '../../electron/core/policy/registry-policy.ts';

export interface PolicyProperty {
  property: string;
  registryName: string;
  /** What the property's value writes: the text as it is, or a DWORD per accepted value. */
  writes: { kind: 'text' } | { kind: 'dword'; values: Record<string, number> };
  /** Values the launch condition accepts; null when any text is. */
  accepted: readonly string[] | null;
}

function describe(definition: PolicyDefinition, msi: MsiProperty): PolicyProperty {
  const base = { property: msi.property, registryName: definition.registryName };
  if (definition.kind === 'boolean') {
    const values = msi.invert ? { '1': 0, '0': 1 } : { '1': 1, '0': 0 };
    return { ...base, writes: { kind: 'dword', values }, accepted: ['0', '1'] };
  }
  const options = definition.options?.map((o) => o.value) ?? null;
  return { ...base, writes: { kind: 'text' }, accepted: options };
}

export const policyProperties: readonly PolicyProperty[] = policyDefinitions.flatMap((d: PolicyDefinition) =>
  d.msi ? [describe(d, d.msi)] : [],
);

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A GUID that stays the same from build to build for the same name (component identity). */
export function stableGuid(name: string): string {
  const hex = createHash('sha1').update(`portico-msi:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

function registryValue(p: PolicyProperty, type: 'string' | 'integer', value: string): string {
  return `<RegistryValue Root="HKLM" Key="${POLICY_KEY_PATH}" Name="${p.registryName}" Type="${type}" Value="${xml(value)}" KeyPath="yes" />`;
}

function component(id: string, body: string): string {
  return [`      <Component Id="${id}" Guid="${stableGuid(id)}" Win64="yes">`, `        ${body}`, `      </Component>`].join(
    '\n',
  );
}

/**
 * The keep actions run right after AppSearch (50) has read the installed values and before the
 * launch conditions (100) and costing decide which components install. wixl places only the first
 * few of several actions `After` the same one where they belong, so they are renumbered by SQL.
 */
const KEEP_SEQUENCE = 51;

const sql = (text: string) => text.replaceAll("'", "''");

/**
 * `include`: policy-properties.wxi, inside the Product; `components`: policy-components.wxs;
 * `queries`: what wixl has no attribute for, applied to the built MSI with msibuild (component
 * conditions, and SecureCustomProperties, WiX's `Secure="yes"`).
 */
export function policyPropertiesWix(): { include: string; components: string; queries: string[] } {
  const properties: string[] = [];
  const conditions: string[] = [];
  const actions: string[] = [];
  const sequence: string[] = [];
  const components: string[] = [];
  const queries: string[] = [];
  const secure: string[] = [];
  const keepActions: string[] = [];
  /** A set-property action that keeps an installed value, run right after AppSearch. */
  const keep = (id: string, property: string, value: string, condition: string) => {
    actions.push(`    <CustomAction Id="${id}" Property="${property}" Value="${value}" />`);
    sequence.push(`      <Custom Action="${id}" After="AppSearch">${xml(condition)}</Custom>`);
    keepActions.push(id);
  };
  /** A component that writes its registry value only when `condition` holds (set by SQL: wixl has no element). */
  const writeWhen = (id: string, condition: string, body: string) => {
    components.push(component(id, body));
    queries.push(`UPDATE \`Component\` SET \`Condition\` = '${sql(condition)}' WHERE \`Component\` = '${id}'`);
  };
  for (const p of policyProperties) {
    const kept = `PORTICO_KEPT_${p.property}`;
    secure.push(p.property, kept);
    properties.push(
      `    <Property Id="${kept}">`,
      `      <RegistrySearch Id="Search${p.registryName}" Root="HKLM" Key="${POLICY_KEY_PATH}" Name="${p.registryName}" Type="raw" Win64="yes" />`,
      `    </Property>`,
    );
    if (p.accepted) {
      const allowed = p.accepted.map((v) => `${p.property}="${v}"`).join(' OR ');
      conditions.push(
        `    <Condition Message="${p.property} must be one of: ${p.accepted.join(', ')}.">${xml(`Installed OR NOT ${p.property} OR ${allowed}`)}</Condition>`,
      );
    }
    if (p.writes.kind === 'text') {
      keep(`Keep${p.registryName}`, p.property, `[${kept}]`, `NOT ${p.property} AND ${kept}`);
      writeWhen(`Policy${p.registryName}`, p.property, registryValue(p, 'string', `[${p.property}]`));
    } else {
      for (const [value, dword] of Object.entries(p.writes.values)) {
        const id = `${p.registryName}${dword === 1 ? 'On' : 'Off'}`;
        keep(`Keep${id}`, p.property, value, `NOT ${p.property} AND ${kept}="#${dword}"`);
        writeWhen(`Policy${id}`, `${p.property}="${value}"`, registryValue(p, 'integer', String(dword)));
      }
    }
  }
  const header =
    '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generated by scripts/msi/policy-properties.ts from the policy definitions: do not edit. -->';
  // wixl already lists its upgrade properties (WIX_UPGRADE_DETECTED…): ours are added to them.
  const upgrade = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED';
  if (KEEP_SEQUENCE + keepActions.length > 100)
    throw new Error('more keep actions than sequence numbers before LaunchConditions');
  keepActions.forEach((action, i) => {
    for (const table of ['InstallExecuteSequence', 'InstallUISequence'])
      queries.push(`UPDATE \`${table}\` SET \`Sequence\` = ${KEEP_SEQUENCE + i} WHERE \`Action\` = '${action}'`);
  });
  queries.push(
    `UPDATE \`Property\` SET \`Value\` = '${[upgrade, ...secure].join(';')}' WHERE \`Property\` = 'SecureCustomProperties'`,
  );
  return {
    queries,
    // Properties, conditions and actions belong to the Product (wixl takes them only there).
    include: `${header}
<Include>
${properties.join('\n')}
${conditions.join('\n')}
${actions.join('\n')}
    <InstallExecuteSequence>
${sequence.join('\n')}
    </InstallExecuteSequence>
    <InstallUISequence>
${sequence.join('\n')}
    </InstallUISequence>
</Include>
`,
    components: `${header}
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Fragment>
    <ComponentGroup Id="PolicyFromProperties" Directory="INSTALLDIR">
${components.join('\n')}
    </ComponentGroup>
  </Fragment>
</Wix>
`,
  };
}
