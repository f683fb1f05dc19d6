import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyTemplateFiles } from './admx.ts';
import { policyDefinitions } from './policy-definitions.ts';

const root = path.resolve(import.meta.dirname, '../../../resources/policy');
const shipped = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
const files = policyTemplateFiles();

const refs = (xml: string, table: 'string' | 'presentation') =>
  new Set([...xml.matchAll(new RegExp(`\\$\\(${table}\\.([A-Za-z0-9_]+)\\)`, 'g'))].map((m) => m[1]!));
const ids = (xml: string, element: string) =>
  new Set([...xml.matchAll(new RegExp(`<${element} id="([^"]+)"`, 'g'))].map((m) => m[1]!));

describe('ADMX and ADML templates', () => {
  it('are exactly what the policy definitions generate (run npm run policy:templates after a change)', () => {
    for (const [relative, content] of Object.entries(files)) expect(shipped(relative), relative).toBe(content);
  });

  it('are well-formed XML', () => {
    for (const [relative, content] of Object.entries(files)) expect(XMLValidator.validate(content), relative).toBe(true);
  });

  it('define every policy, and every string and presentation the ADMX names exists in both languages', () => {
    const admx = files['portico.admx']!;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(admx) as {
      policyDefinitions: { policies: { policy: { name: string }[] } };
    };
    expect(parsed.policyDefinitions.policies.policy.map((p) => p.name)).toEqual(policyDefinitions.map((d) => d.registryName));
    const strings = refs(admx, 'string');
    const presentations = refs(admx, 'presentation');
    const stringSets = ['en-US', 'zh-CN'].map((locale) => {
      const adml = files[`${locale}/portico.adml`]!;
      const defined = ids(adml, 'string');
      expect(
        [...strings].filter((s) => !defined.has(s)),
        `${locale} strings`,
      ).toEqual([]);
      expect(
        [...presentations].filter((p) => !ids(adml, 'presentation').has(p)),
        `${locale} presentations`,
      ).toEqual([]);
      // Each presentation control points at an element of the same policy.
      for (const match of adml.matchAll(/<presentation id="([^"]+)"><\w+ refId="([^"]+)"/g)) expect(match[2]).toBe(match[1]);
      return [...defined].sort();
    });
    expect(stringSets[0]).toEqual(stringSets[1]);
    expect(files['zh-CN/portico.adml']).toContain('<string id="ChatEnabled">启用聊天</string>');
  });

  it('writes lists as numbered values under a subkey, the layout the registry reader expects', () => {
    expect(files['portico.admx']).toContain(
      '<list id="AllowedPrograms" key="Software\\Policies\\Portico\\AllowedPrograms" valuePrefix="" />',
    );
  });
});
