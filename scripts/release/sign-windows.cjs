// electron-builder's custom Windows signing hook (win.signtoolOptions.sign). Signs with signtool when
// the release machine has credentials, by one of two routes, chosen by environment variables:
//
//   Azure Trusted Signing  PORTICO_TRUSTED_SIGNING_DLIB (Azure.CodeSigning.Dlib.dll) and
//                          PORTICO_TRUSTED_SIGNING_METADATA (metadata.json: endpoint, account, profile);
//                          the Azure identity comes from the usual AZURE_* variables.
//   A certificate          PORTICO_SIGN_CERT_SHA1: the thumbprint of a code-signing certificate in the
//                          machine's store (an EV certificate on a token, for example).
//
// PORTICO_SIGNTOOL names signtool.exe (default: signtool on the PATH); PORTICO_SIGN_TIMESTAMP_URL the
// RFC 3161 timestamp server. With neither route configured nothing is signed and the build says so
// once per file, loudly: an unsigned build is fine for testing and must never be shipped (SmartScreen
// and AppLocker refuse it).
'use strict';
const { execFileSync } = require('node:child_process');

function signArguments(file, env) {
  const common = ['sign', '/v', '/fd', 'sha256', '/td', 'sha256'];
  if (env.PORTICO_TRUSTED_SIGNING_DLIB && env.PORTICO_TRUSTED_SIGNING_METADATA) {
    const timestamp = env.PORTICO_SIGN_TIMESTAMP_URL || 'http://timestamp.acs.microsoft.com';
    return [
      ...common,
      '/tr',
      timestamp,
      '/dlib',
      env.PORTICO_TRUSTED_SIGNING_DLIB,
      '/dmdf',
      env.PORTICO_TRUSTED_SIGNING_METADATA,
      file,
    ];
  }
  if (env.PORTICO_SIGN_CERT_SHA1) {
    if (!/^[0-9a-fA-F]{40}$/.test(env.PORTICO_SIGN_CERT_SHA1))
      throw new Error('PORTICO_SIGN_CERT_SHA1 must be a 40-digit certificate thumbprint');
    const timestamp = env.PORTICO_SIGN_TIMESTAMP_URL || 'http://timestamp.digicert.com';
    return [...common, '/tr', timestamp, '/sha1', env.PORTICO_SIGN_CERT_SHA1, file];
  }
  return null;
}

async function sign(configuration, env = process.env, log = console.warn) {
  const file = configuration.path;
  const args = signArguments(file, env);
  if (!args) {
    log(
      `Portico: NOT SIGNED ${file}: set PORTICO_TRUSTED_SIGNING_DLIB and PORTICO_TRUSTED_SIGNING_METADATA, or PORTICO_SIGN_CERT_SHA1 (README, "Releasing").`,
    );
    return;
  }
  execFileSync(env.PORTICO_SIGNTOOL || 'signtool', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
}

module.exports = sign;
module.exports.default = sign;
module.exports.signArguments = signArguments;
