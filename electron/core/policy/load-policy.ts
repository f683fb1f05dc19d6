import { policyFilePath, readFilePolicy } from './file-policy.ts';
import { type RegRunner, readRegistryPolicy, runRegExport } from './registry-policy.ts';
import { type EffectivePolicy, type PolicySource, resolvePolicy } from './resolve-policy.ts';

/**
 * Reads every policy source of this platform in precedence order and resolves them. Problems
 * (a malformed file, a bad value) are logged with their reason; the app always starts.
 */
export async function loadPolicy(options: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
  reg?: RegRunner;
  file?: string;
}): Promise<EffectivePolicy> {
  const sources: PolicySource[] = [];
  if (options.platform === 'win32') {
    const reg = options.reg ?? runRegExport;
    sources.push(await readRegistryPolicy('HKLM', reg), await readRegistryPolicy('HKCU', reg));
  }
  const file = await readFilePolicy(
    options.file ?? options.env.PORTICO_POLICY_FILE ?? policyFilePath(options.platform, options.env),
  );
  if (file.problem) options.log(file.problem);
  sources.push(file.source);
  const policy = resolvePolicy(sources);
  for (const rejection of policy.rejected)
    options.log(`policy ${rejection.key} from ${rejection.source} ignored: ${rejection.reason}`);
  return policy;
}
