// `npm run setup`: Node 24 into .tools/ when the machine's is older, then `npm ci` with it.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolsDir = path.join(root, '.tools');
const bin = path.join(toolsDir, 'node_modules', 'node', 'bin');
const env = { ...process.env };
if (Number(process.versions.node.split('.')[0]) < 24) {
  if (!existsSync(path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node'))) {
    console.log(`Node ${process.version} is older than 24: installing node@24 into .tools/ …`);
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(path.join(toolsDir, 'package.json'), '{"private":true}\n');
    execSync('npm install --no-audit --no-fund --loglevel=error node@24', { cwd: toolsDir, stdio: 'inherit' });
  }
  env.PATH = `${bin}${path.delimiter}${env.PATH}`;
}
execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit', env });

// Debian packages the tests use: Chromium for the browser tests (never a downloaded browser), CJK
// fonts for the screenshots, libfaketime for the moved-clock runs, mount (util-linux) for the
// full-disk test's tmpfs; wixl and msitools to build and read the MSI, Wine to install it with the
// real msiexec and read the registry with the real reg.exe, binutils' strip for the stand-in exe,
// iproute2 for the PCs in network namespaces; nginx (light) to run the shipped reverse-proxy
// configuration in front of a server, the Prometheus Python client, whose parser reads /metrics, and
// systemd for systemd-analyze, which checks the shipped unit; tinyproxy as a company's forward proxy,
// and dunst on Xvfb in a private D-Bus session as the notification daemon the browser host's
// OS toasts reach (libnotify-bin's notify-send is how node-notifier speaks to it on Linux).
const debianPackages = [
  'chromium',
  'fonts-noto-cjk',
  'faketime',
  'util-linux',
  'wixl',
  'msitools',
  'wine',
  'wine64',
  'binutils',
  'iproute2',
  'nginx-light',
  'python3-prometheus-client',
  'systemd',
  'tinyproxy',
  'dunst',
  'xvfb',
  'dbus',
  'libnotify-bin',
];
if (process.platform === 'linux' && existsSync('/usr/bin/dpkg')) {
  const missing = debianPackages.filter((name) => {
    try {
      execSync(`dpkg -s ${name}`, { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (missing.length > 0 && process.getuid?.() === 0) {
    console.log(`Installing Debian packages the tests need: ${missing.join(', ')} …`);
    // Installing nginx would start it on port 80: Debian's policy-rc.d hook (exit 101) stops any
    // package's service from starting. Container images have one already; elsewhere it is added
    // for the install and removed after.
    const policy = '/usr/sbin/policy-rc.d';
    const addedPolicy = !existsSync(policy);
    if (addedPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, shell: '/bin/sh' });
    } finally {
      if (addedPolicy) rmSync(policy, { force: true });
    }
  } else if (missing.length > 0) {
    console.log(`\nThe tests also need Debian packages this user cannot install. As root, run:\n  ${command}\n`);
  }
}
console.log('\nReady. Next: npm start   (tests: npm test)');
