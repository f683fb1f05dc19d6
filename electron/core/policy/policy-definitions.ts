import { z } from 'zod';

/**
 * Every setting IT can set by Group Policy or a policy file, described once: the value's schema,
 * its registry name, whether it locks the setting or only sets a default, and the text of the
 * ADMX/ADML templates (generated from this list, so they cannot drift).
 */
export type PolicyKind = 'boolean' | 'text' | 'list' | 'enum';
export type PolicyMode = 'mandatory' | 'default';

interface Text {
  en: string;
  'zh-CN': string;
}

/**
 * The MSI's public property for a policy (`msiexec /i portico.msi LOCK_SERVER=1`): it writes the
 * machine policy value. `invert` turns a "disable"/"lock" property into the policy's boolean
 * (LOCK_SERVER=1 writes AllowServerChange=0). Lists are set by Group Policy only.
 */
export interface MsiProperty {
  property: string;
  invert?: boolean;
}

export interface PolicyDefinition<K extends string = string> {
  key: K;
  registryName: string;
  msi?: MsiProperty;
  kind: PolicyKind;
  mode: PolicyMode;
  schema: z.ZodType;
  options?: readonly { value: string; label: Text }[];
  label: Text;
  explain: Text;
}

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const t = (en: string, zh: string): Text => ({ en, 'zh-CN': zh });

export const policyDefinitions = [
  {
    key: 'serverUrl',
    registryName: 'ServerUrl',
    msi: { property: 'SERVER_URL' },
    kind: 'text',
    mode: 'default',
    // IT writes the socket's address as often as the web one: wss://oa.example.com means https://oa.example.com.
    schema: z.url({ protocol: /^(https?|wss?)$/ }).max(2048),
    label: t('Portico server address', 'Portico 服务器地址'),
    explain: t(
      'The server Portico connects to, for example https://oa.example.com. Users may change it on the sign-in screen unless "Allow changing the server" is disabled.',
      'Portico 连接的服务器，例如 https://oa.example.com。除非禁用“允许更改服务器”，用户可在登录界面修改。',
    ),
  },
  {
    key: 'allowServerChange',
    registryName: 'AllowServerChange',
    msi: { property: 'LOCK_SERVER', invert: true },
    kind: 'boolean',
    mode: 'mandatory',
    schema: z.boolean(),
    label: t('Allow changing the server', '允许更改服务器'),
    explain: t(
      'When disabled, the server address is locked to the one set by policy.',
      '禁用后，服务器地址锁定为策略设定的地址。',
    ),
  },
  {
    key: 'autoStart',
    registryName: 'AutoStart',
    msi: { property: 'AUTOSTART' },
    kind: 'boolean',
    mode: 'mandatory',
    schema: z.boolean(),
    label: t('Start Portico at sign-in', '登录系统时启动 Portico'),
    explain: t('Starts Portico in the tray when the user signs in to Windows.', '用户登录 Windows 时在托盘中启动 Portico。'),
  },
  {
    key: 'autoUpdate',
    registryName: 'AutoUpdate',
    msi: { property: 'DISABLE_UPDATES', invert: true },
    kind: 'boolean',
    mode: 'mandatory',
    schema: z.boolean(),
    label: t('Update automatically', '自动更新'),
    explain: t(
      'Checks the update address and installs new versions. Per-machine MSI installations never update themselves: IT deploys new MSIs.',
      '检查更新地址并安装新版本。按计算机安装的 MSI 不会自行更新，由 IT 部署新的 MSI。',
    ),
  },
  {
    key: 'updateUrl',
    registryName: 'UpdateUrl',
    msi: { property: 'UPDATE_URL' },
    kind: 'text',
    mode: 'mandatory',
    schema: httpUrl,
    label: t('Update address', '更新地址'),
    explain: t(
      'Where Portico looks for updates (an electron-updater "generic" feed).',
      'Portico 检查更新的地址（electron-updater generic 源）。',
    ),
  },
  {
    key: 'allowedPrograms',
    registryName: 'AllowedPrograms',
    kind: 'list',
    mode: 'mandatory',
    schema: z.array(z.string().min(1).max(1024)).max(500),
    label: t('Local programs the launcher may start', '启动器可运行的本地程序'),
    explain: t(
      'Full paths of programs the launcher may run, one per entry. A tool whose path is not on this list is refused.',
      '启动器可运行程序的完整路径，每项一个。不在列表中的程序将被拒绝。',
    ),
  },
  {
    key: 'chatEnabled',
    registryName: 'ChatEnabled',
    msi: { property: 'DISABLE_CHAT', invert: true },
    kind: 'boolean',
    mode: 'mandatory',
    schema: z.boolean(),
    label: t('Enable chat', '启用聊天'),
    explain: t('When disabled, the chat feature is hidden.', '禁用后隐藏聊天功能。'),
  },
  {
    key: 'defaultLanguage',
    registryName: 'DefaultLanguage',
    msi: { property: 'LANGUAGE' },
    kind: 'enum',
    mode: 'default',
    schema: z.enum(['en', 'zh-CN', 'zh-TW', 'he', 'ru', 'nb']),
    options: [
      { value: 'en', label: t('English', '英语') },
      { value: 'zh-CN', label: t('Simplified Chinese', '简体中文') },
      { value: 'zh-TW', label: t('Traditional Chinese', '繁体中文') },
      { value: 'he', label: t('Hebrew', '希伯来语') },
      { value: 'ru', label: t('Russian', '俄语') },
      { value: 'nb', label: t('Norwegian (Bokmål)', '挪威语（书面挪威语）') },
    ],
    label: t('Default language', '默认语言'),
    explain: t('The language until the user chooses one.', '用户自行选择之前使用的语言。'),
  },
  {
    key: 'lockLanguage',
    registryName: 'LockLanguage',
    msi: { property: 'LOCK_LANGUAGE' },
    kind: 'boolean',
    mode: 'mandatory',
    schema: z.boolean(),
    label: t('Lock the language', '锁定界面语言'),
    explain: t(
      'When enabled together with "Default language", Portico always shows that language and users cannot change it.',
      '与“默认语言”同时启用时，Portico 始终使用该语言，用户无法更改。',
    ),
  },
  {
    key: 'proxyMode',
    registryName: 'ProxyMode',
    msi: { property: 'PROXY_MODE' },
    kind: 'enum',
    mode: 'mandatory',
    schema: z.enum(['system', 'direct', 'fixed_servers', 'pac_script']),
    options: [
      { value: 'system', label: t('Use the system proxy settings', '使用系统代理设置') },
      { value: 'direct', label: t('Never use a proxy', '不使用代理') },
      { value: 'fixed_servers', label: t('Use the proxy server below', '使用下方的代理服务器') },
      { value: 'pac_script', label: t('Use the PAC script below', '使用下方的 PAC 脚本') },
    ],
    label: t('Proxy mode', '代理模式'),
    explain: t('How Portico reaches the server and web tools.', 'Portico 访问服务器和网页工具的方式。'),
  },
  {
    key: 'proxyServer',
    registryName: 'ProxyServer',
    msi: { property: 'PROXY_SERVER' },
    kind: 'text',
    mode: 'mandatory',
    schema: z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'host:port'),
    label: t('Proxy server', '代理服务器'),
    explain: t('host:port, used when the proxy mode is "fixed servers".', 'host:port，代理模式为“固定服务器”时使用。'),
  },
  {
    key: 'proxyPacUrl',
    registryName: 'ProxyPacUrl',
    msi: { property: 'PROXY_PAC_URL' },
    kind: 'text',
    mode: 'mandatory',
    schema: httpUrl,
    label: t('Proxy PAC script address', '代理 PAC 脚本地址'),
    explain: t('Used when the proxy mode is "PAC script".', '代理模式为“PAC 脚本”时使用。'),
  },
  {
    key: 'proxyBypassList',
    registryName: 'ProxyBypassList',
    msi: { property: 'PROXY_BYPASS_LIST' },
    kind: 'text',
    mode: 'mandatory',
    schema: z.string().max(2048),
    label: t('Addresses that bypass the proxy', '不经过代理的地址'),
    explain: t(
      'Semicolon-separated hosts, for example *.corp.example.com;10.0.0.0/8.',
      '以分号分隔的主机，例如 *.corp.example.com;10.0.0.0/8。',
    ),
  },
  {
    key: 'caBundlePath',
    registryName: 'CaBundlePath',
    msi: { property: 'CA_BUNDLE_PATH' },
    kind: 'text',
    mode: 'mandatory',
    schema: z.string().min(1).max(1024),
    label: t('Extra trusted certificate authorities', '额外信任的证书颁发机构'),
    explain: t(
      'Path to a PEM file of CA certificates Portico trusts besides the Windows certificate store, for example a TLS inspection CA.',
      'PEM 格式 CA 证书文件的路径，Portico 在 Windows 证书存储之外也信任这些证书，例如 TLS 检查设备的 CA。',
    ),
  },
] as const satisfies readonly PolicyDefinition[];

export type PolicyKey = (typeof policyDefinitions)[number]['key'];

export const PolicyValues = z
  .object(
    Object.fromEntries(policyDefinitions.map((d) => [d.key, d.schema])) as {
      [D in (typeof policyDefinitions)[number] as D['key']]: D['schema'];
    },
  )
  .partial();
export type PolicyValues = z.infer<typeof PolicyValues>;

export const policyByKey = new Map<string, PolicyDefinition>(policyDefinitions.map((d) => [d.key, d]));
export const policyByRegistryName = new Map<string, PolicyDefinition>(
  policyDefinitions.map((d) => [d.registryName.toLowerCase(), d]),
);
