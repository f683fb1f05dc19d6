import { POLICY_KEY_PATH } from './registry-policy.ts';
import { type PolicyDefinition, policyDefinitions } from './policy-definitions.ts';

/**
 * ADMX and ADML templates generated from the policy definitions, so what Group Policy offers and
 * what the app reads cannot drift. `npm run policy:templates` writes them to resources/policy/;
 * a test fails when the checked-in files differ from what this produces.
 */
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const REGISTRY_KEY = POLICY_KEY_PATH.replace('SOFTWARE', 'Software');
const SUPPORTED = 'SUPPORTED_PORTICO_0_1';

export const admxLocales = { 'en-US': 'en', 'zh-CN': 'zh-CN' } as const;
export type AdmxLocale = keyof typeof admxLocales;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function policyElement(d: PolicyDefinition): string {
  const head = `    <policy name="${d.registryName}" class="Both" displayName="$(string.${d.registryName})" explainText="$(string.${d.registryName}_Explain)"`;
  const common = `      <parentCategory ref="Portico" />\n      <supportedOn ref="${SUPPORTED}" />`;
  switch (d.kind) {
    case 'boolean':
      return `${head} key="${REGISTRY_KEY}" valueName="${d.registryName}">
${common}
      <enabledValue><decimal value="1" /></enabledValue>
      <disabledValue><decimal value="0" /></disabledValue>
    </policy>`;
    case 'text':
      return `${head} presentation="$(presentation.${d.registryName})" key="${REGISTRY_KEY}">
${common}
      <elements>
        <text id="${d.registryName}" valueName="${d.registryName}" maxLength="2048" />
      </elements>
    </policy>`;
    case 'list':
      return `${head} presentation="$(presentation.${d.registryName})" key="${REGISTRY_KEY}">
${common}
      <elements>
        <list id="${d.registryName}" key="${REGISTRY_KEY}\\${d.registryName}" valuePrefix="" />
      </elements>
    </policy>`;
    case 'enum':
      return `${head} presentation="$(presentation.${d.registryName})" key="${REGISTRY_KEY}">
${common}
      <elements>
        <enum id="${d.registryName}" valueName="${d.registryName}">
${(d.options ?? [])
  .map(
    (o) =>
      `          <item displayName="$(string.${d.registryName}_${optionId(o.value)})"><value><string>${escape(o.value)}</string></value></item>`,
  )
  .join('\n')}
        </enum>
      </elements>
    </policy>`;
  }
}

const optionId = (value: string) => value.replace(/[^A-Za-z0-9]/g, '_');

export function generateAdmx(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from electron/core/policy/policy-definitions.ts by npm run policy:templates. Do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <policyNamespaces>
    <target prefix="portico" namespace="Portico.Policies.Portico" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="${SUPPORTED}" displayName="$(string.${SUPPORTED})" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Portico" displayName="$(string.Portico)" />
  </categories>
  <policies>
${policyDefinitions.map((d) => policyElement(d)).join('\n')}
  </policies>
</policyDefinitions>
`;
}

function presentation(d: PolicyDefinition, language: 'en' | 'zh-CN'): string | null {
  const label = escape(d.label[language]);
  switch (d.kind) {
    case 'boolean':
      return null;
    case 'text':
      return `      <presentation id="${d.registryName}"><textBox refId="${d.registryName}"><label>${label}</label></textBox></presentation>`;
    case 'list':
      return `      <presentation id="${d.registryName}"><listBox refId="${d.registryName}">${label}</listBox></presentation>`;
    case 'enum':
      return `      <presentation id="${d.registryName}"><dropdownList refId="${d.registryName}" noSort="true">${label}</dropdownList></presentation>`;
  }
}

export function generateAdml(locale: AdmxLocale): string {
  const language = admxLocales[locale];
  const strings: [string, string][] = [
    ['Portico', 'Portico'],
    [SUPPORTED, language === 'zh-CN' ? 'Portico 0.1 及以上版本' : 'Portico 0.1 and later'],
  ];
  for (const d of policyDefinitions) {
    strings.push([d.registryName, d.label[language]], [`${d.registryName}_Explain`, d.explain[language]]);
    for (const option of ('options' in d ? d.options : undefined) ?? [])
      strings.push([`${d.registryName}_${optionId(option.value)}`, option.label[language]]);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from electron/core/policy/policy-definitions.ts by npm run policy:templates. Do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <displayName>Portico</displayName>
  <description>${language === 'zh-CN' ? 'Portico 桌面客户端的组策略设置' : 'Group Policy settings for the Portico desktop app'}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${escape(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${policyDefinitions
  .map((d) => presentation(d, language))
  .filter((p): p is string => p !== null)
  .join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** Files relative to resources/policy/, as Windows' PolicyDefinitions folder lays them out. */
export function policyTemplateFiles(): Record<string, string> {
  return {
    'portico.admx': generateAdmx(),
    ...Object.fromEntries(
      Object.keys(admxLocales).map((locale) => [`${locale}/portico.adml`, generateAdml(locale as AdmxLocale)]),
    ),
  };
}
