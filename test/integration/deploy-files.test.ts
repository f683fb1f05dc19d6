import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { XMLParser } from 'fast-xml-parser';
import { parseServerConfig } from '../../server/config.ts';
import { tempDir } from './harness.ts';

const deploy = path.resolve(import.meta.dirname, '../../deploy');
const read = (file: string) => readFileSync(path.join(deploy, file), 'utf8');

/** Whether a container engine answers here; the image is built and run only where one does. */
function dockerAnswers(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

describe('the deployment files say what the server understands', () => {
  const engine = dockerAnswers();
  if (!engine)
    console.log('deploy files: no container engine answers here, so the image is linted and checked, not built or run');

  it('the Dockerfile lints clean, runs as non-root from a multi-stage build, keeps data on a volume and checks /readyz', () => {
    const text = read('container/Dockerfile');
    // The linter is dockerfile-utils (the validator behind VS Code's Dockerfile support); it does catch mistakes:
    expect(validate('FROM\nRUN\n').length).toBeGreaterThan(0);
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const final = text.slice(text.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^VOLUME \["\/var\/lib\/portico"\]$/m);
    expect(final).toMatch(/^HEALTHCHECK [\s\S]*\/readyz/m);
    expect(final).toMatch(/^ENTRYPOINT \["node", "\/opt\/portico\/server\/main\.ts"\]$/m);
    // Its settings are ones the server takes, with the values meant.
    const env: Record<string, string> = {};
    for (const match of final.matchAll(/(PORTICO_[A-Z_]+)=(\S+)/g)) env[match[1]!] = match[2]!;
    expect(parseServerConfig([], env, '/')).toMatchObject({ host: '0.0.0.0', port: 8787, dataDir: '/var/lib/portico' });
  });

  it('the compose file runs it read-only, without privileges, its data on the image’s volume', () => {
    const compose = parseYaml(read('container/compose.yaml')) as {
      services: { portico: { read_only: boolean; cap_drop: string[]; volumes: string[]; environment: Record<string, string> } };
    };
    const service = compose.services.portico;
    expect(service.read_only).toBe(true);
    expect(service.cap_drop).toEqual(['ALL']);
    expect(service.volumes.map((v) => v.split(':')[1])).toEqual(['/var/lib/portico']);
    expect(parseServerConfig([], { ...service.environment, PORTICO_DATA: '/var/lib/portico' }, '/')).toMatchObject({
      trustProxy: true,
      publicUrl: 'https://oa.example.com',
    });
  });

  it('the systemd unit passes systemd-analyze, with a sandbox it rates at most 2.0 of 10 exposed', () => {
    const folder = tempDir('systemd');
    try {
      const unit = path.join(folder.dir, 'portico-server.service');
      copyFileSync(path.join(deploy, 'systemd', 'portico-server.service'), unit);
      expect(spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' }).stderr.trim()).toBe('');
      const security = execFileSync('systemd-analyze', ['security', '--offline=true', unit], { encoding: 'utf8' });
      const exposure = Number(/Overall exposure level for \S+: ([\d.]+)/.exec(security)?.[1]);
      expect(exposure).toBeLessThanOrEqual(2);
      const text = read('systemd/portico-server.service');
      for (const line of ['DynamicUser=yes', 'StateDirectory=portico', 'ProtectSystem=strict', 'NoNewPrivileges=yes'])
        expect(text.split('\n')).toContain(line);
      // The command line is one the server accepts.
      const args = /^ExecStart=\S+ \S+main\.ts (.*)$/m.exec(text)![1]!.split(' ');
      expect(parseServerConfig(args, {}, '/')).toMatchObject({ dataDir: '/var/lib/portico' });
    } finally {
      folder.remove();
    }
  });

  it('the Windows service definition is well-formed and starts the server with arguments it accepts', () => {
    const xml = new XMLParser().parse(read('windows/portico-server.xml')) as {
      service: { id: string; executable: string; arguments: string; serviceaccount: { username: string } };
    };
    expect(xml.service.id).toBe('portico-server');
    expect(xml.service.executable).toMatch(/node\.exe$/);
    expect(xml.service.serviceaccount.username).toBe('NT AUTHORITY\\LocalService');
    const [script, ...args] = xml.service.arguments.split(' ');
    expect(script).toMatch(/server\\main\.ts$/);
    expect(parseServerConfig(args, {}, 'C:\\')).toMatchObject({ host: '0.0.0.0' });
  });

  it.runIf(engine)(
    'the image builds and answers /readyz (where a container engine runs)',
    () => {
      const root = path.resolve(deploy, '..');
      execFileSync('docker', ['build', '-f', 'deploy/container/Dockerfile', '-t', 'portico-server:test', '.'], {
        cwd: root,
        stdio: 'inherit',
      });
      const id = execFileSync(
        'docker',
        ['run', '-d', '--read-only', '--tmpfs', '/tmp', '-p', '127.0.0.1::8787', 'portico-server:test'],
        {
          encoding: 'utf8',
        },
      ).trim();
      try {
        execFileSync('sh', [
          '-c',
          `for i in $(seq 60); do docker exec ${id} node -e "fetch('http://127.0.0.1:8787/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" && exit 0; sleep 1; done; exit 1`,
        ]);
      } finally {
        execFileSync('docker', ['rm', '-f', id]);
      }
    },
    900_000,
  );
});
